import { linkHolder } from "@/lib/access/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/tokens";
import { emailUnavailable } from "./request-email-change";

export const confirmEmailChangeSchema = z.object({ token: z.string().min(20).max(200) });

const linkInvalid = () => new AppError("NOT_FOUND", "credentials.errors.linkInvalid");

/**
 * The pending change a link stands for, to show it before confirming; null once used, expired or unknown.
 * `confirmation`: the link proves the current address (SEC-2, see email-confirmation.ts) rather than changing it.
 */
export async function findEmailChange(db: Db, token: string): Promise<{ newEmail: string; confirmation: boolean } | null> {
  if (token.length > 200) return null;
  const row = await db.emailChangeRequest.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { newEmail: true, oldEmail: true, usedAt: true, expiresAt: true },
  });
  return row && !row.usedAt && row.expiresAt > now() ? { newEmail: row.newEmail, confirmation: row.oldEmail === row.newEmail } : null;
}

/**
 * ACC-1: the link from the new address makes it the login e-mail. Works signed in or not (the link proves
 * the mailbox, the request proved the password). Single use; refused once expired, once the account's
 * e-mail changed meanwhile, or if another account took the address in between.
 * Either way the address is now proven (SEC-2); a confirmation link (same old and new address) only does that.
 */
export async function confirmEmailChange(db: Db, raw: unknown, meta: { ip?: string | null; userAgent?: string | null } = {}): Promise<{ userId: string; email: string }> {
  const input = confirmEmailChangeSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const t = now();
      // The conditional update is the single-use guarantee: of two concurrent uses only one matches.
      const claimed = await tx.emailChangeRequest.updateMany({
        where: { tokenHash: hashSecret(input.token), usedAt: null, expiresAt: { gt: t } },
        data: { usedAt: t },
      });
      if (claimed.count !== 1) throw linkInvalid();
      const request = await tx.emailChangeRequest.findUniqueOrThrow({ where: { tokenHash: hashSecret(input.token) } });
      const changed = await tx.user.updateMany({
        where: { id: request.userId, email: request.oldEmail },
        data: { email: request.newEmail, emailVerifiedAt: t },
      });
      if (changed.count !== 1) throw linkInvalid();
      const actor = linkHolder("emailChange", request.id, request.userId, meta);
      if (request.oldEmail === request.newEmail) {
        await audit(tx, actor, { action: "auth.emailConfirmed", targetId: request.userId, metadata: { email: request.newEmail, via: "link" } });
      } else {
        await audit(tx, actor, { action: "auth.emailChanged", targetId: request.userId, metadata: { from: request.oldEmail, to: request.newEmail } });
      }
      return { userId: request.userId, email: request.newEmail };
    });
  } catch (err) {
    // Another account signed up with the address after the request: the unique index refuses it.
    if ((err as { code?: string }).code === "P2002") throw emailUnavailable();
    throw err;
  }
}
