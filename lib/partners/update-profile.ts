import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { checkboxField, optionalWebsite, requiredText } from "@/lib/orgs/organization-fields";
import { PARTNER_REGIONS, PARTNER_SPECIALITIES } from "./directory-options";
import { requirePartnerMember } from "./partner-of";

export const updatePartnerProfileSchema = z.object({
  partnerId: z.string().trim().min(1).max(40),
  displayName: requiredText(120),
  website: optionalWebsite.refine((v) => v !== null, "validation.required"),
  region: z
    .union([z.enum(PARTNER_REGIONS), z.literal("")], { error: "validation.invalid" })
    .nullish()
    .transform((v) => v || null),
  specialities: z
    .union([z.enum(PARTNER_SPECIALITIES), z.array(z.enum(PARTNER_SPECIALITIES))], { error: "validation.invalid" })
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]),
  inDirectory: checkboxField,
  tendersOptIn: checkboxField,
});
export type UpdatePartnerProfileInput = z.input<typeof updatePartnerProfileSchema>;

/**
 * PRT-1: the partner's public profile — its name and website, the region it serves and its specialities in
 * the public directory — and its choices: listed in the directory or not, receiving calls for tenders or
 * not. A legal representative of the partner's Organization decides ("org.update", as for its details).
 */
export async function updatePartnerProfile(db: Db, actor: Actor, raw: UpdatePartnerProfileInput) {
  const { partnerId, ...data } = updatePartnerProfileSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { partner, access } = await requirePartnerMember(tx, actor, partnerId, "org.update");
    await tx.partner.update({ where: { id: partner.id }, data: { ...data, website: data.website! } });
    await audit(tx, access.actor, { action: "partner.profileUpdated", orgId: partner.orgId, targetId: partner.id, metadata: { inDirectory: data.inDirectory, tendersOptIn: data.tendersOptIn } });
  });
}

/** The profile as the form shows it (any member of the partner's Organization may look). */
export async function getPartnerProfile(db: Db, actor: Actor, partnerId: string) {
  return db.$transaction(async (tx) => {
    const { partner, access } = await requirePartnerMember(tx, actor, partnerId, "org.read");
    const profile = await tx.partner.findUniqueOrThrow({
      where: { id: partner.id },
      select: { id: true, displayName: true, website: true, region: true, specialities: true, inDirectory: true, tendersOptIn: true },
    });
    return { profile, mayEdit: access.actions.has("org.update") };
  });
}
