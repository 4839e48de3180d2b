import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireMember } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";

export const listPartnershipsSchema = z.object({ orgId: z.string().min(1) });

/** Ended and refused partnerships shown in the history: the latest ones. */
const HISTORY_LIMIT = 50;

/**
 * PRT-2 … PRT-7: the client Organization's partnerships for its Partners page — pending invitations
 * (with whether their link has expired), active partners, and a history of ended or refused ones — and
 * whether the person may add or change them (a legal representative).
 */
export async function listPartnerships(db: Db, actor: Actor, raw: z.input<typeof listPartnershipsSchema>) {
  const { orgId } = listPartnershipsSchema.parse(raw);
  const me = await requireMember(db, actor, orgId, "partners.read");
  const select = {
    id: true,
    access: true,
    payer: true,
    status: true,
    createdAt: true,
    acceptedAt: true,
    endedAt: true,
    expiresAt: true,
    partner: { select: { displayName: true, contactEmail: true } },
    _count: { select: { products: true } },
  } as const;
  const [current, history] = await Promise.all([
    db.partnership.findMany({ where: { clientOrgId: me.orgId, status: { in: ["PENDING", "ACTIVE"] } }, select, orderBy: [{ partner: { displayName: "asc" } }, { id: "asc" }] }),
    db.partnership.findMany({ where: { clientOrgId: me.orgId, status: { in: ["ENDED", "REFUSED"] } }, select, orderBy: [{ endedAt: "desc" }, { id: "asc" }], take: HISTORY_LIMIT }),
  ]);
  const at = now();
  const row = (p: (typeof current)[number]) => ({
    id: p.id,
    partnerName: p.partner.displayName,
    contactEmail: p.partner.contactEmail,
    access: p.access,
    payer: p.payer,
    status: p.status,
    productCount: p._count.products,
    createdAt: p.createdAt,
    acceptedAt: p.acceptedAt,
    endedAt: p.endedAt,
    expired: p.status === "PENDING" && (!p.expiresAt || p.expiresAt <= at),
  });
  return {
    pending: current.filter((p) => p.status === "PENDING").map(row),
    active: current.filter((p) => p.status === "ACTIVE").map(row),
    history: history.map(row),
    mayManage: allows(me, "partners.manage"),
  };
}
