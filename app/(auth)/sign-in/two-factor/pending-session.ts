import "server-only";
import { headers } from "next/headers";
import { getSession } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import type { PendingSession, RequestMeta } from "@/lib/two-factor/verify-second-factor";

/**
 * The caller of the second-step actions (lib/http/action.ts `Caller`): this browser's session, which the
 * services then require to be waiting for its second step; none is UNAUTHENTICATED, before any input is read.
 */
export async function pendingSession(): Promise<{ session: PendingSession; meta: RequestMeta }> {
  const session = await getSession();
  if (!session) throw new AppError("UNAUTHENTICATED");
  const h = await headers();
  return {
    session: { id: session.id, userId: session.userId, twoFactorPassed: session.twoFactorPassed, staffRole: session.user.staffRole },
    meta: { ip: clientAddress(h), userAgent: h.get("user-agent") },
  };
}
