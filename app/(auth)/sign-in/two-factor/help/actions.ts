"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/http/client-address";
import { getSession } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { publicAction } from "@/lib/http/action";
import { requestTwoFactorHelp } from "@/lib/identity/request-help";

export type HelpResult = { email: string; expiresAt: string; reused: boolean; phoneMasked: string | null };

/**
 * 2FA-3: opens (or renews the link of) the identity-verification case of the user waiting at the second
 * step; the link goes by e-mail only (SEC-3). The form has no field: the session says who asks.
 */
export const requestHelpAction = publicAction(z.object({}), async (_input, { db }): Promise<HelpResult> => {
  const session = await getSession();
  if (!session) throw new AppError("UNAUTHENTICATED");
  const h = await headers();
  const res = await requestTwoFactorHelp(
    db,
    { id: session.id, userId: session.userId, twoFactorPassed: session.twoFactorPassed, staffRole: session.user.staffRole },
    { ip: clientAddress(h), userAgent: h.get("user-agent") },
  );
  return { ...res, expiresAt: res.expiresAt.toISOString() };
});
