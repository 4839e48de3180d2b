"use server";

import { z } from "zod";
import { publicAction } from "@/lib/http/action";
import { requestTwoFactorHelp } from "@/lib/identity/request-help";
import { pendingSession } from "../pending-session";

export type HelpResult = { email: string; expiresAt: string; reused: boolean; phoneMasked: string | null };

/**
 * 2FA-3: opens (or renews the link of) the identity-verification case of the user waiting at the second
 * step; the link goes by e-mail only (SEC-3). The form has no field: the session says who asks.
 */
export const requestHelpAction = publicAction(
  z.object({}),
  async (_input, { db, caller: { session, meta } }): Promise<HelpResult> => {
    const res = await requestTwoFactorHelp(db, session, meta);
    return { ...res, expiresAt: res.expiresAt.toISOString() };
  },
  pendingSession,
);
