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
import { maskPhoneNumber } from "@/lib/sms/phone-number";
import { SmsError } from "@/lib/sms/types";
import type { RequestMeta } from "@/lib/two-factor/verify-second-factor";
import { caseSecretSchema, requireLiveCase } from "./case-link";
import { hashPhoneCode, newPhoneCode } from "./phone-code";
import { PHONE_CODE_TTL_MS } from "./rules";

export const sendPhoneCodeSchema = z.object({ secret: caseSecretSchema });

/**
 * IDV-2, step 1: sends a 6-digit code by SMS to the phone the case took from the account when it was
 * opened (SEC-3: the link holder never chooses the number). A new code replaces the previous one; only its
 * keyed hash is stored, with the time it was sent (valid 10 minutes).
 */
export async function sendPhoneCode(db: Db, raw: unknown, locale: string, meta: RequestMeta = {}): Promise<{ phoneMasked: string }> {
  const input = sendPhoneCodeSchema.parse(raw);
  const found = await requireLiveCase(db, input.secret);
  if (found.status !== "OPEN" || !found.phone) throw new AppError("CONFLICT", "verification.errors.phoneAlreadyConfirmed");
  const phone = found.phone;
  await consumeOrThrow("identitySmsPerCase", found.id);

  const code = newPhoneCode();
  const sentAt = now();
  const stored = await db.identityVerification.updateMany({
    where: { id: found.id, status: "OPEN" },
    data: { phoneCodeHash: hashPhoneCode(found.id, code), phoneCodeSentAt: sentAt },
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
    throw new AppError("CONFLICT", `verification.errors.sms${err.failure}`);
  }
  await audit(db, { kind: "anonymous" }, { action: "identityVerification.phoneCodeSent", targetId: found.id, ip: meta.ip, userAgent: meta.userAgent });
  return { phoneMasked: maskPhoneNumber(phone) };
}

function appLocale(locale: string): AppLocale {
  return isLocale(locale) ? locale : "en";
}
