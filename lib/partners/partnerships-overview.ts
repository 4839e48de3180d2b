import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireMember } from "@/lib/access/require-access";
import { can } from "@/lib/access/permissions";
import type { Db } from "@/lib/db";
import { announcedPartnersWhere } from "@/lib/tenders/announce-tenders";
import { excerpt, openTenderWhere } from "@/lib/tenders/rules";

export const partnershipsOverviewSchema = z.object({ orgId: z.string().min(1).max(64) });

/** Open calls for tenders listed at most (newest first), as the reseller area does. */
const TENDERS_LISTED = 200;

const PARTNERSHIP = {
  id: true,
  access: true,
  payer: true,
  status: true,
  createdAt: true,
  acceptedAt: true,
  endedAt: true,
  _count: { select: { products: true } },
} as const;

/**
 * PRT-2 … PRT-9, TND-2 for the REST API: an Organization's partnerships from both sides, for its members
 * who see the reseller area's clients ("clients.read" — a User too, as in the console).
 * - As a client: its partners — pending, active, ended or refused — with access, payer and granted
 *   products; only for those who may read them ("partners.read"), null for the others.
 * - As an approved partner: the clients it manages, active ones only, and only those the person manages
 *   (every one for a role holding "clients.manageAll", the assigned ones otherwise, PRT-9); and, when it
 *   opted in and the person may answer them, the open calls for tenders as extracts — never the
 *   submitter's contact details, which only the reseller area shows (TND-2).
 */
export async function partnershipsOverview(db: Db, actor: Actor, raw: z.input<typeof partnershipsOverviewSchema>) {
  const { orgId } = partnershipsOverviewSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, orgId, "clients.read");
    const asClient = allows(me, "partners.read")
      ? await tx.partnership.findMany({
          where: { clientOrgId: me.orgId },
          select: { ...PARTNERSHIP, partner: { select: { id: true, displayName: true, contactEmail: true, website: true } } },
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        })
      : null;
    const partner = await tx.partner.findFirst({ where: { orgId: me.orgId, approvedAt: { not: null } }, select: { id: true, displayName: true, tendersOptIn: true } });
    let asPartner = null;
    if (partner) {
      const seesAll = can(me.role, "clients.manageAll");
      const clients = await tx.partnership.findMany({
        where: { partnerId: partner.id, status: "ACTIVE", ...(seesAll ? {} : { managers: { some: { membershipId: me.membershipId } } }) },
        select: { ...PARTNERSHIP, client: { select: { id: true, name: true } } },
        orderBy: [{ client: { name: "asc" } }, { id: "asc" }],
      });
      const readsTenders = allows(me, "tenders.answer") && (await tx.partner.count({ where: { id: partner.id, ...announcedPartnersWhere() } })) === 1;
      const tenders = readsTenders
        ? await tx.tender.findMany({
            where: openTenderWhere(),
            select: { id: true, title: true, description: true, budget: true, validUntil: true, createdAt: true, proposals: { where: { partnerId: partner.id }, select: { id: true } } },
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            take: TENDERS_LISTED,
          })
        : null;
      asPartner = {
        partnerId: partner.id,
        displayName: partner.displayName,
        clients: clients.map(({ client, _count, ...p }) => ({ ...p, client, productCount: p.access === "LIMITED" ? _count.products : null })),
        tenders: tenders?.map(({ description, proposals, ...t }) => ({ ...t, excerpt: excerpt(description, 160), answered: proposals.length > 0 })) ?? null,
      };
    }
    return {
      asClient: asClient && asClient.map(({ partner: p, _count, ...rest }) => ({ ...rest, partner: p, productCount: rest.access === "LIMITED" ? _count.products : null })),
      asPartner,
    };
  });
}
