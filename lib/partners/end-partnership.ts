import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockClientPartnership, partnershipActionSchema, type PartnershipActionInput } from "./client-partnership";
import { clientRecipients, partnerRecipients, sendPartnershipEndedMails, type Recipient } from "./partnership-mail";

export const endPartnershipSchema = partnershipActionSchema;

type Ended = { to: Recipient[]; clientName: string; partnerName: string };

async function end(tx: Tx, actor: Actor, partnershipId: string, clientOrgId: string, endedBy: "client" | "partner") {
  await tx.partnership.update({ where: { id: partnershipId }, data: { status: "ENDED", endedAt: now(), tokenHash: null, expiresAt: null } });
  // Recorded in the client's log whichever side ends it: it is the client's access that ends.
  await audit(tx, actor, { action: "partnership.ended", orgId: clientOrgId, targetId: partnershipId, metadata: { endedBy } });
}

/**
 * PRT-7: the client's legal representative ends an active partnership; the partner's access ends at once
 * (requireAccess admits only ACTIVE partnerships, read on every request) and the partner is e-mailed.
 */
export async function endPartnershipAsClient(db: Db, actor: Actor, raw: PartnershipActionInput) {
  const input = partnershipActionSchema.parse(raw);
  const result = await db.$transaction(async (tx): Promise<Ended> => {
    const { me, partnership } = await lockClientPartnership(tx, actor, input.orgId, input.partnershipId);
    if (partnership.status !== "ACTIVE") throw new AppError("CONFLICT", "partnerships.errors.notActive");
    await end(tx, actor, partnership.id, me.orgId, "client");
    const my = await tx.user.findUniqueOrThrow({ where: { id: me.userId }, select: { locale: true } });
    return { to: await partnerRecipients(tx, partnership.partnerId, my.locale), clientName: partnership.client.name, partnerName: partnership.partner.displayName };
  });
  await sendPartnershipEndedMails(db, { ...result, endedBy: "client" });
  return { partnerName: result.partnerName };
}

export const endPartnershipAsPartnerSchema = z.object({ partnershipId: z.string().min(1, "validation.required").max(64) });
export type EndPartnershipAsPartnerInput = z.input<typeof endPartnershipAsPartnerSchema>;

/**
 * PRT-7: the partner ends it from its reseller area — a member of the partner Organization whose role
 * manages every client (the same who may accept). The client's legal representatives are e-mailed.
 */
export async function endPartnershipAsPartner(db: Db, actor: Actor, raw: EndPartnershipAsPartnerInput) {
  const input = endPartnershipAsPartnerSchema.parse(raw);
  const result = await db.$transaction(async (tx): Promise<Ended> => {
    const found = await tx.partnership.findUnique({ where: { id: input.partnershipId }, select: { partner: { select: { orgId: true } } } });
    if (!found) throw new AppError("NOT_FOUND");
    await requireMember(tx, actor, found.partner.orgId, "clients.manageAll");
    await tx.$queryRaw`SELECT id FROM "Partnership" WHERE id = ${input.partnershipId} FOR UPDATE`;
    const partnership = await tx.partnership.findUniqueOrThrow({
      where: { id: input.partnershipId },
      select: { id: true, status: true, clientOrgId: true, client: { select: { name: true } }, partner: { select: { displayName: true } } },
    });
    if (partnership.status !== "ACTIVE") throw new AppError("CONFLICT", "partnerships.errors.notActive");
    await end(tx, actor, partnership.id, partnership.clientOrgId, "partner");
    return { to: await clientRecipients(tx, partnership.clientOrgId), clientName: partnership.client.name, partnerName: partnership.partner.displayName };
  });
  await sendPartnershipEndedMails(db, { ...result, endedBy: "partner" });
  return { clientName: result.clientName };
}
