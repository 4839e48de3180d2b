"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientAddress } from "@/lib/http/client-address";
import { getSession } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorState, type ActionState } from "@/lib/http/action";
import { requestTwoFactorHelp } from "@/lib/identity/request-help";

export type HelpResult = { email: string; expiresAt: string; reused: boolean; phoneMasked: string | null };

/** 2FA-3: opens (or renews the link of) the identity-verification case of the user waiting at the second step; the link goes by e-mail only (SEC-3). */
export async function requestHelpAction(_prev: ActionState<HelpResult>, _formData: FormData): Promise<ActionState<HelpResult>> {
  try {
    const session = await getSession();
    if (!session) throw new AppError("UNAUTHENTICATED");
    const h = await headers();
    const res = await requestTwoFactorHelp(
      getDb(),
      { id: session.id, userId: session.userId, twoFactorPassed: session.twoFactorPassed, staffRole: session.user.staffRole },
      { ip: clientAddress(h), userAgent: h.get("user-agent") },
    );
    return { ok: true, data: { ...res, expiresAt: res.expiresAt.toISOString() } };
  } catch (err) {
    unstable_rethrow(err);
    return errorState(err);
  }
}
