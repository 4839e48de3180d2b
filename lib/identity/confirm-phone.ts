import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { consume, reset } from "@/lib/security/rate-limit";
import { safeEqual } from "@/lib/security/tokens";
import type { RequestMeta } from "@/lib/two-factor/verify-second-factor";
import { caseSecretSchema, requireLiveCase } from "./case-link";
import { hashPhoneCode } from "./phone-code";
import { PHONE_CODE_TTL_MS } from "./rules";

export const confirmPhoneSchema = z.object({
  secret: caseSecretSchema,
  code: z
    .string()
    .transform((s) => s.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "validation.invalid")),
});

const wrongCode = () => new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { code: ["verification.errors.wrongCode"] });

/**
 * IDV-2, step 1: the code received by SMS confirms the phone number. A code works once and for 10
 * minutes; after 5 wrong attempts it is void and a new one must be requested.
 */
export async function confirmPhone(db: Db, raw: unknown, meta: RequestMeta = {}): Promise<void> {
  const input = confirmPhoneSchema.parse(raw);
  const found = await requireLiveCase(db, input.secret);
  if (found.status !== "OPEN") throw new AppError("CONFLICT", "verification.errors.phoneAlreadyConfirmed");
  if (!found.phoneCodeHash || !found.phoneCodeSentAt) throw wrongCode();
  if (now().getTime() - found.phoneCodeSentAt.getTime() > PHONE_CODE_TTL_MS) {
    throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { code: ["verification.errors.codeExpired"] });
  }
  // Counted before checking, so parallel guesses cannot slip past the limit.
  const limit = await consume("identityCodePerCase", found.id);
  if (!limit.allowed) {
    await db.identityVerification.updateMany({ where: { id: found.id, phoneCodeHash: found.phoneCodeHash }, data: { phoneCodeHash: null } });
    throw new AppError("RATE_LIMITED", "verification.errors.tooManyAttempts");
  }
  const hash = hashPhoneCode(found.id, input.code);
  if (!safeEqual(hash, found.phoneCodeHash)) {
    await audit(db, { kind: "anonymous" }, { action: "identityVerification.phoneCodeFailed", targetId: found.id, ip: meta.ip, userAgent: meta.userAgent });
    throw wrongCode();
  }
  await db.$transaction(async (tx) => {
    // Conditional on the same code still being there: a code is spent by the first use only.
    const done = await tx.identityVerification.updateMany({
      where: { id: found.id, status: "OPEN", phoneCodeHash: hash },
      data: { status: "PHONE_CONFIRMED", phoneCodeHash: null },
    });
    if (done.count !== 1) throw wrongCode();
    await audit(tx, { kind: "anonymous" }, { action: "identityVerification.phoneConfirmed", targetId: found.id, ip: meta.ip, userAgent: meta.userAgent });
  });
  await reset("identityCodePerCase", found.id);
}
