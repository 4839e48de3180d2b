import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockOrganization, orgIdField } from "@/lib/orgs/organization-fields";

export const setAffiliateSchema = z.object({
  orgId: orgIdField,
  affiliate: z.enum(["join", "leave"], { message: "validation.invalid" }),
});
export type SetAffiliateInput = z.input<typeof setAffiliateSchema>;

/**
 * PRT-1, the partner-programme guide: "Il n'est pas possible d'être Partenaire et Affilié simultanément."
 * A legal representative joins the Organization to the affiliate programme, or leaves it. A partner — or
 * an Organization whose partner application is under review — cannot join; an affiliate cannot apply to
 * the partner programme (applyToProgramme, decideApplication). Both sides take the Organization's row
 * lock, so an application and a joining at once cannot both succeed. Joining or leaving twice changes
 * nothing more.
 */
export async function setAffiliate(db: Db, actor: Actor, raw: SetAffiliateInput): Promise<{ affiliateSince: Date | null }> {
  const input = setAffiliateSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireMember(tx, actor, input.orgId, "org.update");
    await lockOrganization(tx, input.orgId);
    const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { affiliateSince: true, partner: { select: { id: true } } } });
    if (input.affiliate === "leave") {
      if (!org.affiliateSince) return { affiliateSince: null };
      await tx.organization.update({ where: { id: input.orgId }, data: { affiliateSince: null } });
      await audit(tx, access.actor, { action: "affiliate.left", orgId: input.orgId, targetId: input.orgId });
      return { affiliateSince: null };
    }
    if (org.affiliateSince) return { affiliateSince: org.affiliateSince };
    if (org.partner) throw new AppError("CONFLICT", "partnerProgramme.errors.partnerNotAffiliate");
    const pending = await tx.partnerApplication.count({ where: { orgId: input.orgId, status: "PENDING" } });
    if (pending > 0) throw new AppError("CONFLICT", "partnerProgramme.errors.applicationNotAffiliate");
    const at = now();
    await tx.organization.update({ where: { id: input.orgId }, data: { affiliateSince: at } });
    await audit(tx, access.actor, { action: "affiliate.joined", orgId: input.orgId, targetId: input.orgId });
    return { affiliateSince: at };
  });
}
