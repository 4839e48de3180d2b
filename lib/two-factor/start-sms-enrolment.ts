import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { maskPhoneNumber, normalisePhoneNumber } from "@/lib/sms/phone-number";
import { makeRoomForMethod, requireTwoFactorSession } from "./methods";
import { confirmPassword } from "./reauth";
import { sendSmsCode } from "./send-sms-code";

export const startSmsEnrolmentSchema = z.object({
  phone: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
  password: z.string().min(1, "validation.required").max(200),
});

/**
 * 2FA-1: starts adding an SMS method: the number is checked, a pending method is created and a 6-digit
 * code is sent to it (valid 10 minutes). The method is active only once that code is entered.
 */
export async function startSmsEnrolment(db: Db, actor: UserActor, raw: unknown): Promise<{ methodId: string; maskedPhone: string }> {
  const input = startSmsEnrolmentSchema.parse(raw ?? {});
  const phone = normalisePhoneNumber(input.phone);
  if (!phone) throw new AppError("INVALID_INPUT", "devices.errors.invalidPhone", { phone: ["devices.errors.invalidPhone"] });
  await confirmPassword(db, actor, input.password);
  const { methodId, locale } = await db.$transaction(async (tx) => {
    await requireTwoFactorSession(tx, actor);
    await makeRoomForMethod(tx, actor.userId, "SMS");
    const method = await tx.twoFactorMethod.create({
      data: { userId: actor.userId, type: "SMS", label: maskPhoneNumber(phone), phone, createdAt: now() },
      select: { id: true, user: { select: { locale: true } } },
    });
    await audit(tx, actor, { action: "auth.twoFactorEnrolmentStarted", targetId: method.id, metadata: { type: "SMS" } });
    return { methodId: method.id, locale: method.user.locale };
  });
  try {
    await sendSmsCode(db, { userId: actor.userId, methodId, sessionId: actor.sessionId, phone, locale, ip: actor.ip, userAgent: actor.userAgent });
  } catch (err) {
    // Nothing reached the phone: the pending method goes away with the refusal.
    await db.twoFactorMethod.deleteMany({ where: { id: methodId, confirmedAt: null } });
    throw err;
  }
  return { methodId, maskedPhone: maskPhoneNumber(phone) };
}
