import { z } from "zod";
import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { sendSmsCode } from "./send-sms-code";

export const resendSmsEnrolmentCodeSchema = z.object({ methodId: z.string().min(1).max(40) });

/** 2FA-1: a new code for an SMS method being added (the previous code dies; sends are rate-limited). */
export async function resendSmsEnrolmentCode(db: Db, actor: UserActor, raw: unknown): Promise<{ resent: true }> {
  const input = resendSmsEnrolmentCodeSchema.parse(raw);
  const method = await db.twoFactorMethod.findFirst({
    where: { id: input.methodId, userId: actor.userId, type: "SMS", confirmedAt: null, phone: { not: null } },
    select: { id: true, phone: true, user: { select: { locale: true } } },
  });
  if (!method?.phone) throw new AppError("NOT_FOUND", "security.errors.setupExpired");
  await sendSmsCode(db, { userId: actor.userId, methodId: method.id, sessionId: actor.sessionId, phone: method.phone, locale: method.user.locale, ip: actor.ip, userAgent: actor.userAgent });
  return { resent: true };
}
