import type { AnonymousActor } from "@/lib/access/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashPassword } from "@/lib/security/passwords";
import { consume, consumeOrThrow } from "@/lib/security/rate-limit";
import { COUNTRIES, currencyFor, isEu, validateVatNumber } from "./countries";
import { sendEmailConfirmation } from "./email-confirmation";
import { emailField, localeField, nameField, passwordField } from "./schemas";

export const signUpSchema = z
  .object({
    entityType: z.enum(["INDIVIDUAL", "COMPANY"], { error: "validation.required" }),
    firstName: nameField,
    lastName: nameField,
    email: emailField,
    password: passwordField,
    organizationName: z.string().trim().max(120, "validation.tooLong").optional().default(""),
    country: z.enum(COUNTRIES, { error: "validation.country" }),
    vatNumber: z.string().trim().max(20, "validation.tooLong").optional().default(""),
    vatTermsAccepted: z.coerce.boolean().optional().default(false),
    locale: localeField.default("en"),
  })
  .superRefine((v, ctx) => {
    if (v.entityType === "COMPANY" && !v.organizationName) {
      ctx.addIssue({ code: "custom", path: ["organizationName"], message: "validation.required" });
    }
    if (v.vatNumber) {
      if (v.entityType !== "COMPANY") {
        ctx.addIssue({ code: "custom", path: ["vatNumber"], message: "validation.vatCompanyOnly" });
        return;
      }
      const res = validateVatNumber(v.country, v.vatNumber);
      if (!res.ok) ctx.addIssue({ code: "custom", path: ["vatNumber"], message: res.reason });
      else if (!v.vatTermsAccepted) {
        ctx.addIssue({ code: "custom", path: ["vatTermsAccepted"], message: "validation.vatTermsRequired" });
      }
    }
  });

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpMeta = { ip?: string | null; userAgent?: string | null };

/**
 * ACC-2 / ACC-3: creates the account and its Organization, whose legal representative is the new user,
 * in one transaction (never a user without an Organization), and mails a link proving the address (SEC-2).
 *
 * SEC-2: the answer is the same whether or not the address already has an account ("check your mailbox").
 * For a taken address nothing is created; its owner is told someone tried (at most a few times a day).
 * Limited per client address, before any work, so neither path can be used to flood mailboxes.
 */
export async function signUp(db: Db, raw: SignUpInput, meta: SignUpMeta = {}): Promise<{ email: string }> {
  const input = signUpSchema.parse(raw);
  await consumeOrThrow("signUpPerIp", meta.ip ?? "unknown");
  // Hashed on both paths, so the time taken does not tell them apart either.
  const passwordHash = await hashPassword(input.password);
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true, locale: true } });
  if (taken) {
    await noticeToOwner(db, input.email, taken.locale);
    return { email: input.email };
  }
  try {
    const user = await createAccount(db, input, passwordHash, meta);
    await sendEmailConfirmation(db, user);
  } catch (err) {
    // Someone signed up with the address in the meantime: the unique index refused it; answer as above.
    if ((err as { code?: string }).code !== "P2002") throw err;
    const owner = await db.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    if (owner) await noticeToOwner(db, input.email, owner.locale);
  }
  return { email: input.email };
}

async function noticeToOwner(db: Db, email: string, locale: Locale): Promise<void> {
  const limit = await consume("signUpNoticePerAddress", email);
  if (!limit.allowed) return;
  await sendEmail(db, {
    to: email,
    template: "signUpAttempt",
    params: { signInUrl: `${config.appUrl}/sign-in`, resetUrl: `${config.appUrl}/forgot-password` },
    locale,
  });
}

type ParsedSignUp = z.output<typeof signUpSchema>;

async function createAccount(db: Db, input: ParsedSignUp, passwordHash: string, meta: SignUpMeta) {
  const vat = input.vatNumber && isEu(input.country) ? validateVatNumber(input.country, input.vatNumber) : null;
  return db.$transaction(async (tx) => {
    const t = now();
    const user = await tx.user.create({
      data: {
        email: input.email,
        passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        locale: input.locale,
        createdAt: t,
      },
    });
    const org = await tx.organization.create({
      data: {
        name: input.entityType === "COMPANY" ? input.organizationName : `${input.firstName} ${input.lastName}`,
        entityType: input.entityType,
        country: input.country,
        currency: currencyFor(input.country),
        vatNumber: vat?.ok ? vat.value : null,
        vatNumberValid: vat?.ok ?? false,
        vatTermsAcceptedAt: vat?.ok ? t : null,
        contactEmail: input.email,
        createdAt: t,
        memberships: {
          create: { userId: user.id, role: "LEGAL_REPRESENTATIVE", contactPrefs: ["BILLING", "TECHNICAL", "SECURITY"] },
        },
        billingPreference: { create: {} },
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastOrgId: org.id } });
    // A visitor: the account exists only from this transaction on.
    const actor: AnonymousActor = { kind: "anonymous", userId: user.id, ...meta };
    await audit(tx, actor, { action: "account.signedUp", orgId: org.id, targetId: user.id });
    return { id: user.id, email: user.email, locale: user.locale };
  });
}
