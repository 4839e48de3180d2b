import { randomInt } from "node:crypto";
import { createTranslator } from "use-intl/core";
import type { Db } from "@/lib/db";
import { MINUTE, now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { consume } from "@/lib/security/rate-limit";
import { smsGateway } from "@/lib/sms/gateway";
import { SmsError } from "@/lib/sms/types";
import { hashSmsCode, SMS_CODE_TTL_MS } from "./sms-codes";

/**
 * Sends a new 6-digit code to the method's phone, replacing any pending one of the same method and
 * session. Sends are rate-limited per account; an operator refusal becomes a translated field error.
 */
export async function sendSmsCode(db: Db, input: { userId: string; methodId: string; sessionId: string; phone: string; locale: string; ip?: string | null; userAgent?: string | null }): Promise<{ expiresAt: Date }> {
  const limit = await consume("smsSendPerAccount", input.userId);
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "devices.errors.tooManySms", undefined, limit.retryAfterSeconds);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now().getTime() + SMS_CODE_TTL_MS);
  const challenge = await db.$transaction(async (tx) => {
    await tx.twoFactorChallenge.updateMany({ where: { methodId: input.methodId, sessionId: input.sessionId, status: "PENDING" }, data: { status: "EXPIRED", decidedAt: now() } });
    const created = await tx.twoFactorChallenge.create({
      data: { userId: input.userId, methodId: input.methodId, sessionId: input.sessionId, expiresAt, createdAt: now(), ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 400) ?? null },
      select: { id: true },
    });
    await tx.twoFactorChallenge.update({ where: { id: created.id }, data: { codeHash: hashSmsCode(created.id, code) } });
    return created;
  });
  const locale = isLocale(input.locale) ? input.locale : "en";
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "devices" });
  try {
    // The challenge id is the idempotency key: a retried request never sends a second message.
    await smsGateway().send({ to: input.phone, body: t("smsBody", { code, provider: config.providerName, minutes: SMS_CODE_TTL_MS / MINUTE }), reference: challenge.id });
  } catch (err) {
    await db.twoFactorChallenge.delete({ where: { id: challenge.id } });
    if (err instanceof SmsError) throw new AppError("INVALID_INPUT", `devices.errors.sms.${err.failure}`, { phone: [`devices.errors.sms.${err.failure}`] });
    throw err;
  }
  return { expiresAt };
}
