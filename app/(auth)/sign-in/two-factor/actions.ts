"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientAddress } from "@/lib/http/client-address";
import { getSession } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorState, formDataToObject, type ActionState } from "@/lib/http/action";
import { verifySecondFactor } from "@/lib/two-factor/verify-second-factor";

/** 2FA-1: the second sign-in step, for the session of this browser that is still waiting for it. */
export async function verifySecondFactorAction(_prev: ActionState<{ backupCodesLeft: number | null }>, formData: FormData): Promise<ActionState<{ backupCodesLeft: number | null }>> {
  try {
    const session = await getSession();
    if (!session) throw new AppError("UNAUTHENTICATED");
    const h = await headers();
    const res = await verifySecondFactor(
      getDb(),
      { id: session.id, userId: session.userId, twoFactorPassed: session.twoFactorPassed, staffRole: session.user.staffRole },
      formDataToObject(formData),
      { ip: clientAddress(h), userAgent: h.get("user-agent") },
    );
    return { ok: true, data: { backupCodesLeft: res.backupCodesLeft } };
  } catch (err) {
    unstable_rethrow(err);
    return errorState(err);
  }
}
