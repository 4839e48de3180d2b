"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";
import { getSession } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { publicAction } from "@/lib/http/action";
import { verifySecondFactor, verifySecondFactorSchema } from "@/lib/two-factor/verify-second-factor";

/** 2FA-1: the second sign-in step, for the session of this browser that is still waiting for it. */
export const verifySecondFactorAction = publicAction(verifySecondFactorSchema, async (input, { db }) => {
  const session = await getSession();
  if (!session) throw new AppError("UNAUTHENTICATED");
  const h = await headers();
  const res = await verifySecondFactor(
    db,
    { id: session.id, userId: session.userId, twoFactorPassed: session.twoFactorPassed, staffRole: session.user.staffRole },
    input,
    { ip: clientAddress(h), userAgent: h.get("user-agent") },
  );
  return { backupCodesLeft: res.backupCodesLeft };
});
