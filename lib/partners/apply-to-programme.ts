import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkboxField, lockOrganization, optionalWebsite, orgIdField, requiredText } from "@/lib/orgs/organization-fields";
import { MINIMUM_YEARLY_VOLUME_MINOR } from "./programme-rules";
import { normaliseTradeRegister, REGISTER_COUNTRIES } from "./trade-register";

const commitment = checkboxField.refine((v) => v, "partnerProgramme.errors.commitmentRequired");

export const applyToProgrammeSchema = z
  .object({
    orgId: orgIdField,
    companyName: requiredText(120),
    country: z.enum(REGISTER_COUNTRIES, { error: "validation.country" }),
    tradeRegisterNumber: requiredText(40),
    website: optionalWebsite.refine((v) => v !== null, "validation.required"),
    // Whole units of the Organization's currency, as typed ("2'500", "2 500" and "2500.00" read alike).
    yearlyVolume: z
      .union([z.number(), z.string()])
      .transform((v) => (typeof v === "number" ? v : Number(v.replace(/['\s\u00a0\u202f]/g, "").replace(/[.,]00$/, ""))))
      .refine((v) => Number.isInteger(v) && v >= 0 && v <= 1_000_000_000, "validation.invalid"),
    // The commitments of COMMITMENTS, each to be ticked.
    supportsClients: commitment,
    invoicesClients: commitment,
    tendersExclusive: commitment,
    resellerTerms: commitment,
  })
  .superRefine((v, ctx) => {
    if (!normaliseTradeRegister(v.country, v.tradeRegisterNumber)) {
      ctx.addIssue({ code: "custom", path: ["tradeRegisterNumber"], message: `partnerProgramme.errors.register${v.country}` });
    }
  });
export type ApplyToProgrammeInput = z.input<typeof applyToProgrammeSchema>;

/**
 * PRT-1: a legal representative applies for the Organization to join the partner programme. Refused at
 * once, with a reason the form shows: an individual (only a company registered in a trade register), an
 * affiliate (a partner cannot also be one), a partner already, an application still under review, or a
 * yearly volume under the programme's minimum in the Organization's currency. The row lock serialises two
 * submissions of the same Organization, so only one application is ever pending.
 */
export async function applyToProgramme(db: Db, actor: Actor, raw: ApplyToProgrammeInput) {
  const input = applyToProgrammeSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireMember(tx, actor, input.orgId, "org.update");
    await lockOrganization(tx, input.orgId);
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: input.orgId },
      select: { entityType: true, currency: true, affiliateSince: true, partner: { select: { id: true } } },
    });
    if (org.entityType !== "COMPANY") throw new AppError("CONFLICT", "partnerProgramme.errors.companyOnly");
    if (org.affiliateSince) throw new AppError("CONFLICT", "partnerProgramme.errors.affiliate");
    if (org.partner) throw new AppError("CONFLICT", "partnerProgramme.errors.alreadyPartner");
    const pending = await tx.partnerApplication.count({ where: { orgId: input.orgId, status: "PENDING" } });
    if (pending > 0) throw new AppError("CONFLICT", "partnerProgramme.errors.pending");
    const volumeMinor = input.yearlyVolume * 100;
    if (volumeMinor < MINIMUM_YEARLY_VOLUME_MINOR[org.currency]) {
      throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { yearlyVolume: [`partnerProgramme.errors.volume${org.currency}`] });
    }
    const applicant = await tx.user.findUniqueOrThrow({ where: { id: access.userId }, select: { email: true } });
    const application = await tx.partnerApplication.create({
      data: {
        orgId: input.orgId,
        applicantId: access.userId,
        applicantEmail: applicant.email,
        companyName: input.companyName,
        country: input.country,
        tradeRegisterNumber: normaliseTradeRegister(input.country, input.tradeRegisterNumber)!,
        website: input.website!,
        yearlyVolumeMinor: volumeMinor,
        currency: org.currency,
      },
      select: { id: true },
    });
    await audit(tx, access.actor, { action: "partnerApplication.submitted", orgId: input.orgId, targetId: application.id });
    return application;
  });
}
