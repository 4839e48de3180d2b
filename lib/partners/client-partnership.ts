import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const partnershipActionSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  partnershipId: z.string().min(1, "validation.required").max(64),
});
export type PartnershipActionInput = z.input<typeof partnershipActionSchema>;

/**
 * PRT-2: a partnership of this client Organization, for a legal representative to change; the row is
 * locked for the rest of the transaction so an answer of the partner and this change happen one after the
 * other (PRT-4). Another Organization's partnership is NOT_FOUND.
 */
export async function lockClientPartnership(tx: Tx, actor: Actor, orgId: string, partnershipId: string) {
  const me = await requireMember(tx, actor, orgId, "partners.manage");
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Partnership" WHERE id = ${partnershipId} AND "clientOrgId" = ${me.orgId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND");
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    include: { partner: { select: { id: true, displayName: true, orgId: true } }, client: { select: { name: true } } },
  });
  return { me, partnership };
}
