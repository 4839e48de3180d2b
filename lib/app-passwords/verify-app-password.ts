import { z } from "zod";
import type { Db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { dummyPasswordHash, verifyPassword } from "@/lib/security/passwords";
import { clearLimits, consume, consumeBackoff } from "@/lib/security/rate-limit";
import { displayHintOf, normalizeAppPassword } from "./generate";

export const verifyAppPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});

export type AppPasswordUser = { userId: string; email: string; firstName: string; lastName: string; appPasswordId: string };

/**
 * APP-2: authenticates a tool (mail, CardDAV/CalDAV client) with the login e-mail and an application
 * password. The account password is never accepted here, and 2FA does not apply: that is the point of
 * application passwords. Every attempt is counted before the password is checked (SEC-1), per e-mail+address
 * and per account from any address (a backoff); a success clears both. Failures all answer the same
 * UNAUTHENTICATED.
 */
export async function verifyAppPassword(db: Db, raw: unknown, meta: { ip?: string | null }): Promise<AppPasswordUser> {
  const parsed = verifyAppPasswordSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", "errors.invalidCredentials");
  const { email } = parsed.data;
  const password = normalizeAppPassword(parsed.data.password);
  const key = `${email}|${meta.ip ?? "unknown"}`;

  const perAddress = await consume("appPasswordPerAccount", key);
  if (!perAddress.allowed) throw new AppError("RATE_LIMITED", "errors.signInLocked", undefined, perAddress.retryAfterSeconds);
  const perAccount = await consumeBackoff("appPasswordBackoff", email);
  if (!perAccount.allowed) throw new AppError("RATE_LIMITED", "errors.signInLocked", undefined, perAccount.retryAfterSeconds);

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      blockedAt: true,
      // The stored hint (last 4 characters) narrows the argon2 checks to, in practice, one.
      appPasswords: { where: { revokedAt: null, displayHint: displayHintOf(password) }, select: { id: true, passwordHash: true } },
    },
  });
  let matchId: string | null = null;
  for (const candidate of user?.appPasswords ?? []) {
    if (await verifyPassword(candidate.passwordHash, password)) {
      matchId = candidate.id;
      break;
    }
  }
  // Unknown e-mail or no candidate: spend the same argon2 time so timing tells nothing.
  if (!user?.appPasswords.length) await verifyPassword(await dummyPasswordHash(), password);

  if (!user || !matchId || user.blockedAt) throw new AppError("UNAUTHENTICATED", "errors.invalidCredentials");
  // Revoked in the meantime? The revokedAt condition makes this a no-op and the request is refused.
  const used = await db.appPassword.updateMany({ where: { id: matchId, revokedAt: null }, data: { lastUsedAt: now() } });
  if (used.count === 0) throw new AppError("UNAUTHENTICATED", "errors.invalidCredentials");
  await clearLimits([
    ["appPasswordPerAccount", key],
    ["appPasswordBackoff", email],
  ]);
  return { userId: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, appPasswordId: matchId };
}
