import { createTranslator } from "use-intl/core";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { isLocale, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { consumeOrThrow, reset } from "@/lib/security/rate-limit";
import { smsGateway } from "@/lib/sms/gateway";
import { normalisePhoneNumber } from "@/lib/sms/phone-number";
import { SmsError } from "@/lib/sms/types";
import type { RequestMeta } from "@/lib/two-factor/verify-second-factor";
import { caseSecretSchema, requireLiveCase } from "./case-link";
import { hashPhoneCode, newPhoneCode } from "./phone-code";
import { PHONE_CODE_TTL_MS } from "./rules";

export const sendPhoneCodeSchema = z.object({
  secret: caseSecretSchema,
  phone: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
});

/**
 * IDV-2, step 1: sends a 6-digit code by SMS to the number the user typed. A new code replaces the
 * previous one; only its keyed hash is stored, with the time it was sent (valid 10 minutes).
 */
export async function sendPhoneCode(db: Db, raw: unknown, locale: string, meta: RequestMeta = {}): Promise<{ phone: string }> {
  const input = sendPhoneCodeSchema.parse(raw);
  const phone = normalisePhoneNumber(input.phone);
  if (!phone) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { phone: ["verification.errors.invalidPhone"] });
  const found = await requireLiveCase(db, input.secret);
  if (found.status !== "OPEN") throw new AppError("CONFLICT", "verification.errors.phoneAlreadyConfirmed");
  await consumeOrThrow("identitySmsPerCase", found.id);

  const code = newPhoneCode();
  const sentAt = now();
  const stored = await db.identityVerification.updateMany({
    where: { id: found.id, status: "OPEN" },
    data: { phone, phoneCodeHash: hashPhoneCode(found.id, code), phoneCodeSentAt: sentAt },
  });
  if (stored.count !== 1) throw new AppError("CONFLICT", "errors.tryAgain");
  // A fresh code comes with a fresh allowance of attempts.
  await reset("identityCodePerCase", found.id);

  const t = createTranslator({ locale: appLocale(locale), messages: await loadMessages(appLocale(locale)), namespace: "verification" });
  try {
    await smsGateway().send({
      to: phone,
      body: t("smsBody", { code, provider: config.providerName, minutes: PHONE_CODE_TTL_MS / 60_000 }),
      reference: `idv:${found.id}:${sentAt.getTime()}`,
    });
  } catch (err) {
    if (!(err instanceof SmsError)) throw err;
    // Nobody received this code: it must not stay usable.
    await db.identityVerification.updateMany({ where: { id: found.id, phoneCodeSentAt: sentAt }, data: { phoneCodeHash: null, phoneCodeSentAt: null } });
    throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { phone: [`verification.errors.sms${err.failure}`] });
  }
  await audit(db, { kind: "anonymous" }, { action: "identityVerification.phoneCodeSent", targetId: found.id, ip: meta.ip, userAgent: meta.userAgent });
  return { phone };
}

function appLocale(locale: string): AppLocale {
  return isLocale(locale) ? locale : "en";
}
