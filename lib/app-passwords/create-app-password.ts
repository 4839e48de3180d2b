import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { hashPassword } from "@/lib/security/passwords";
import { checkPasswordAgain } from "@/lib/two-factor/reauth";
import { displayHintOf, generateAppPassword, normalizeAppPassword } from "./generate";

export const createAppPasswordSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  // SEC-8: a new long-lived credential asks for the account password again.
  password: z.string().min(1, "validation.required").max(200),
});
export type CreateAppPasswordInput = z.input<typeof createAppPasswordSchema>;

/**
 * APP-1: generates an application password with a name. SEC-8: the account password is asked again (wrong
 * attempts count against the per-account lock of sign-in, ACC-7). The clear password is returned this once;
 * only its argon2 hash and a 4-character hint are stored.
 */
export async function createAppPassword(db: Db, actor: UserActor, raw: unknown) {
  const input = createAppPasswordSchema.parse(raw);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  await checkPasswordAgain(db, actor, user.passwordHash, input.password);
  const password = generateAppPassword();
  const normalized = normalizeAppPassword(password);
  // Hashing (≈ 0.5 s) happens before the transaction so no connection is held meanwhile.
  const passwordHash = await hashPassword(normalized);
  return db.$transaction(async (tx) => {
    const row = await tx.appPassword.create({
      data: { userId: actor.userId, name: input.name, passwordHash, displayHint: displayHintOf(normalized), createdAt: now() },
      select: { id: true, name: true, createdAt: true },
    });
    await audit(tx, actor, { action: "appPassword.created", targetId: row.id, metadata: { name: row.name } });
    return { ...row, password };
  });
}
