import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { maskPhoneNumber } from "@/lib/sms/phone-number";
import { sendSmsCode } from "./send-sms-code";
import { secondStepState, type PendingSession, type RequestMeta } from "./verify-second-factor";

export const sendSignInSmsSchema = z.object({ methodId: z.string().min(1).max(40) });

/** 2FA-1: sends a sign-in code to the phone of an active SMS method; the code is then entered like any other. */
export async function sendSignInSms(db: Db, session: PendingSession, raw: unknown, meta: RequestMeta = {}): Promise<{ maskedPhone: string; expiresAt: Date }> {
  const input = sendSignInSmsSchema.parse(raw);
  if ((await secondStepState(db, session)) === "passed") throw new AppError("CONFLICT", "devices.errors.alreadyVerified");
  const method = await db.twoFactorMethod.findFirst({
    where: { id: input.methodId, userId: session.userId, type: "SMS", confirmedAt: { not: null }, phone: { not: null } },
    select: { id: true, phone: true, user: { select: { locale: true } } },
  });
  if (!method?.phone) throw new AppError("NOT_FOUND");
  const { expiresAt } = await sendSmsCode(db, { userId: session.userId, methodId: method.id, sessionId: session.id, phone: method.phone, locale: method.user.locale, ...meta });
  return { maskedPhone: maskPhoneNumber(method.phone), expiresAt };
}
