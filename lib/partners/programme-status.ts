import type { Actor } from "@/lib/access/actor";
import { allows, requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { MINIMUM_YEARLY_VOLUME_MINOR } from "./programme-rules";

/**
 * PRT-1: what the partner-programme page shows a member: whether the Organization is a partner, an
 * affiliate or an individual (it cannot apply then), its latest application, and whether this member may
 * apply (legal representatives only).
 */
export async function programmeStatus(db: Db, actor: Actor, orgId: string) {
  return db.$transaction(async (tx) => {
    const access = await requireMember(tx, actor, orgId, "org.read");
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: {
        name: true,
        country: true,
        entityType: true,
        currency: true,
        website: true,
        affiliateSince: true,
        partner: { select: { id: true, approvedAt: true } },
        partnerApplications: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { id: true, status: true, reason: true, createdAt: true, decidedAt: true },
        },
      },
    });
    return {
      orgName: org.name,
      country: org.country,
      website: org.website,
      currency: org.currency,
      minimumVolumeMinor: MINIMUM_YEARLY_VOLUME_MINOR[org.currency],
      isCompany: org.entityType === "COMPANY",
      isAffiliate: org.affiliateSince !== null,
      affiliateSince: org.affiliateSince,
      isPartner: org.partner !== null,
      latest: org.partnerApplications[0] ?? null,
      /** PRT-1: an affiliate cannot apply, and a partner (or an Organization under review) cannot join the affiliate programme. */
      mayJoinAffiliate: org.partner === null && org.partnerApplications[0]?.status !== "PENDING",
      mayApply: allows(access, "org.update"),
    };
  });
}
