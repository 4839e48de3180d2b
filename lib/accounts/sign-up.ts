import type { AnonymousActor } from "@/lib/access/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/security/passwords";
import { COUNTRIES, currencyFor, isEu, validateVatNumber } from "./countries";
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

/**
 * ACC-2 / ACC-3: creates the account and its Organization, whose legal representative is the new user,
 * in one transaction (never a user without an Organization).
 */
export async function signUp(db: Db, raw: SignUpInput, meta: { ip?: string | null; userAgent?: string | null } = {}) {
  const input = signUpSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const vat = input.vatNumber && isEu(input.country) ? validateVatNumber(input.country, input.vatNumber) : null;
  try {
    return await db.$transaction(async (tx) => {
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
      return { userId: user.id, orgId: org.id };
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", "errors.emailTaken", { email: ["validation.emailTaken"] });
    }
    throw err;
  }
}
