"use server";

import { publicAction } from "@/lib/http/action";
import { verifySecondFactor, verifySecondFactorSchema } from "@/lib/two-factor/verify-second-factor";
import { pendingSession } from "./pending-session";

/** 2FA-1: the second sign-in step, for the session of this browser that is still waiting for it (checked first). */
export const verifySecondFactorAction = publicAction(
  verifySecondFactorSchema,
  async (input, { db, caller: { session, meta } }) => {
    const res = await verifySecondFactor(db, session, input, meta);
    return { backupCodesLeft: res.backupCodesLeft };
  },
  pendingSession,
);
