import { z } from "zod";
import { linkHolder, actorUserId, type Actor, type PartnerActor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/tokens";

export const answerPartnerInvitationSchema = z.object({
  token: z.string().min(20, "partnerships.errors.linkInvalid").max(200, "partnerships.errors.linkInvalid"),
});
export type AnswerPartnerInvitationInput = z.input<typeof answerPartnerInvitationSchema>;

const LINK_INVALID = () => new AppError("NOT_FOUND", "partnerships.errors.linkInvalid");

/**
 * The invitation behind a link, locked until the transaction ends, if it can still be answered: pending
 * and unexpired. A deletion by the client, a second answer or a resend (new secret) all take the same
 * row lock, so whichever comes second sees the first one's outcome (PRT-4).
 */
async function lockUsableInvitation(tx: Tx, token: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Partnership" WHERE "tokenHash" = ${hashSecret(token)} FOR UPDATE`;
  if (rows.length === 0) throw LINK_INVALID();
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: rows[0].id },
    include: { partner: { select: { orgId: true, approvedAt: true } } },
  });
  if (partnership.status !== "PENDING" || !partnership.expiresAt || partnership.expiresAt <= now() || !partnership.partner.approvedAt) throw LINK_INVALID();
  return partnership;
}

/**
 * PRT-4: the partner accepts. The link alone is not enough — it may have been forwarded — so the person
 * must be signed in as a member of the partner Organization whose role takes on clients ("clients.manageAll").
 * The link is used up; the partner's dashboard lists the client from now on. Members of the partner who
 * were external users of the client are upgraded: their external membership gives way to the partnership
 * (they are assigned to this client, PRT-9), so they appear once, as the partner.
 */
export async function acceptPartnerInvitation(db: Db, actor: Actor, raw: AnswerPartnerInvitationInput) {
  const input = answerPartnerInvitationSchema.parse(raw);
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  return db.$transaction(async (tx) => {
    const partnership = await lockUsableInvitation(tx, input.token);
    const mine = await tx.membership.findUnique({ where: { orgId_userId: { orgId: partnership.partner.orgId, userId: actor.userId } }, select: { role: true } });
    if (!mine || !can(mine.role, "clients.manageAll")) throw new AppError("FORBIDDEN", "partnerships.errors.notPartnerMember");
    await tx.partnership.update({ where: { id: partnership.id }, data: { status: "ACTIVE", acceptedAt: now(), tokenHash: null, expiresAt: null } });

    const asPartner: PartnerActor = {
      kind: "partner",
      userId: actor.userId,
      sessionId: actor.sessionId,
      partnerOrgId: partnership.partner.orgId,
      partnershipId: partnership.id,
      clientOrgId: partnership.clientOrgId,
      access: partnership.access,
      ip: actor.ip,
      userAgent: actor.userAgent,
    };
    await audit(tx, asPartner, { action: "partnership.accepted", orgId: partnership.clientOrgId, targetId: partnership.id, metadata: { access: partnership.access } });

    // The access model's word for "someone from outside": the EXTERNAL role (ORG-1).
    const externals = await tx.membership.findMany({
      where: { orgId: partnership.clientOrgId, role: "EXTERNAL", user: { memberships: { some: { orgId: partnership.partner.orgId } } } },
      select: { id: true, userId: true, user: { select: { memberships: { where: { orgId: partnership.partner.orgId }, select: { id: true } } } } },
    });
    for (const ext of externals) {
      await tx.partnerManager.createMany({ data: ext.user.memberships.map((m) => ({ partnershipId: partnership.id, membershipId: m.id })), skipDuplicates: true });
      await tx.membership.delete({ where: { id: ext.id } });
      await audit(tx, asPartner, { action: "partnership.externalUpgraded", orgId: partnership.clientOrgId, targetId: partnership.id, metadata: { userId: ext.userId, removedMembershipId: ext.id } });
    }
    return { clientOrgId: partnership.clientOrgId, partnershipId: partnership.id };
  });
}

/**
 * PRT-4: the partner refuses. Refusing grants nothing, so the link is enough (a contact address of the
 * partner may have no account); it is used up all the same.
 */
export async function refusePartnerInvitation(db: Db, actor: Actor, raw: AnswerPartnerInvitationInput) {
  const input = answerPartnerInvitationSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const partnership = await lockUsableInvitation(tx, input.token);
    await tx.partnership.update({ where: { id: partnership.id }, data: { status: "REFUSED", endedAt: now(), tokenHash: null, expiresAt: null } });
    const origin = "ip" in actor ? { ip: actor.ip, userAgent: actor.userAgent } : {};
    await audit(tx, linkHolder("partnerInvitation", partnership.id, actorUserId(actor), origin), {
      action: "partnership.refused",
      orgId: partnership.clientOrgId,
      targetId: partnership.id,
    });
    return { partnershipId: partnership.id };
  });
}
