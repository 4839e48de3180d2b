import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { countOtherSessions } from "@/lib/sessions/count-other-sessions";
import { confirmPassword } from "./reauth";
import { notifyTwoFactorChange } from "./notify-change";

export const disableTwoFactorSchema = z.object({ password: z.string().min(1, "validation.required").max(200) });

/**
 * 2FA-4: turns two-step verification off (every method and backup code), after the password. Answers how
 * many other sessions are still signed in, so the page can offer to end them.
 */
export async function disableTwoFactor(db: Db, actor: UserActor, raw: unknown): Promise<{ otherSessions: number }> {
  const input = disableTwoFactorSchema.parse(raw);
  await confirmPassword(db, actor, input.password);
  await db.$transaction(async (tx) => {
    const removed = await tx.twoFactorMethod.deleteMany({ where: { userId: actor.userId } });
    if (removed.count === 0) throw new AppError("CONFLICT", "security.errors.notEnabled");
    await tx.backupCode.deleteMany({ where: { userId: actor.userId } });
    await audit(tx, actor, { action: "auth.twoFactorDisabled", targetId: actor.userId });
  });
  await notifyTwoFactorChange(db, actor.userId, "disabled", null);
  return { otherSessions: await countOtherSessions(db, actor) };
}
