import { can } from "@/lib/access/permissions";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { PartnerAccess, PartnerPayer } from "@/lib/generated/prisma/enums";
import { hashSecret } from "@/lib/security/tokens";

export type PartnerInvitationView =
  | { usable: false }
  | {
      usable: true;
      partnerOrgId: string;
      partnerName: string;
      clientName: string;
      access: PartnerAccess;
      payer: PartnerPayer;
      /** Limited access: the products offered (their names, at most `PRODUCTS_SHOWN`) and how many in all. */
      products: string[];
      productCount: number;
    };

const PRODUCTS_SHOWN = 50;

/** For the page of the invitation link: what is offered, or only "unusable" (unknown, answered, withdrawn, expired). */
export async function findPartnerInvitation(db: Db, token: string): Promise<PartnerInvitationView> {
  if (!token || token.length > 200) return { usable: false };
  const p = await db.partnership.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      status: true,
      expiresAt: true,
      access: true,
      payer: true,
      client: { select: { name: true } },
      partner: { select: { orgId: true, displayName: true, approvedAt: true } },
      products: { select: { product: { select: { name: true } } }, orderBy: { product: { name: "asc" } }, take: PRODUCTS_SHOWN },
      _count: { select: { products: true } },
    },
  });
  if (!p || p.status !== "PENDING" || !p.expiresAt || p.expiresAt <= now() || !p.partner.approvedAt) return { usable: false };
  return {
    usable: true,
    partnerOrgId: p.partner.orgId,
    partnerName: p.partner.displayName,
    clientName: p.client.name,
    access: p.access,
    payer: p.payer,
    products: p.products.map((x) => x.product.name),
    productCount: p._count.products,
  };
}

/** Whether this signed-in person may accept for the partner: a member whose role takes on clients (PRT-4). */
export async function mayAcceptFor(db: Db, userId: string, partnerOrgId: string): Promise<boolean> {
  const m = await db.membership.findUnique({ where: { orgId_userId: { orgId: partnerOrgId, userId } }, select: { role: true } });
  return !!m && can(m.role, "clients.manageAll");
}
