import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { sendEmail } from "@/lib/notifications/send-email";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import type { RequestMeta } from "@/lib/two-factor/verify-second-factor";
import { caseUrl } from "./case-link";
import { accountPhone } from "./request-help";
import { caseExpiresAt } from "./rules";

const email = z.string().trim().toLowerCase().max(254, "validation.tooLong").pipe(z.email("validation.email"));

export const identityCheckSchema = z
  .object({
    reason: z.enum(["FORGOTTEN_PASSWORD", "FORGOTTEN_LOGIN"], "validation.required"),
    /** An address the person can read now: the case link goes there. */
    contactEmail: email,
    /** The login e-mail, when the person still knows it (forgotten password). */
    loginEmail: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(email.optional()),
    locale: z.enum(["en", "fr", "de", "it"]).catch("en"),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "FORGOTTEN_PASSWORD" && !v.loginEmail) ctx.addIssue({ code: "custom", path: ["loginEmail"], message: "validation.required" });
  });

/**
 * IDV-1: "I forgot my password and can no longer reach my login e-mail" and "I forgot my login e-mail",
 * from the sign-in page's help. Opens an identity-verification case whose link goes to an address the
 * person can read now. The answer is the same whether or not the login e-mail names an account (SEC-2); when
 * it does, the case is tied to the account, so staff compare the documents with its holder and the phone
 * step uses the account's own phone (SEC-3), never one typed here. Limited per client address and per
 * contact address (SEC-9).
 */
export async function requestIdentityCheck(db: Db, raw: unknown, meta: RequestMeta = {}): Promise<{ email: string; expiresAt: Date }> {
  const input = identityCheckSchema.parse(raw);
  await consumeOrThrow("identityCheckPerAddress", meta.ip ?? "unknown");
  await consumeOrThrow("identityCheckMailPerEmail", input.contactEmail);
  const secret = randomSecret();
  const account = input.loginEmail ? await db.user.findUnique({ where: { email: input.loginEmail }, select: { id: true, phone: true, timeZone: true } }) : null;
  const created = await db.$transaction(async (tx) => {
    const phone = account ? await accountPhone(tx, account.id, account.phone) : null;
    const row = await tx.identityVerification.create({
      // Without a phone on the account there is no phone step: the case waits for the photos at once.
      data: { userId: account?.id ?? null, email: input.contactEmail, reason: input.reason, tokenHash: hashSecret(secret), phone, status: phone ? "OPEN" : "PHONE_CONFIRMED", createdAt: now() },
      select: { id: true, createdAt: true },
    });
    await audit(tx, { kind: "anonymous", userId: account?.id ?? null, ip: meta.ip, userAgent: meta.userAgent }, {
      action: "identityVerification.opened",
      targetId: row.id,
      metadata: { reason: input.reason, phoneStep: !!phone },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return row;
  });
  const expiresAt = caseExpiresAt(created.createdAt);
  await sendEmail(db, {
    to: input.contactEmail,
    template: "verificationRequested",
    params: { link: caseUrl(secret), expiresAt, timeZone: account?.timeZone, reason: input.reason },
    locale: input.locale,
  });
  return { email: input.contactEmail, expiresAt };
}
