import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { caseUrl } from "@/lib/identity/case-link";
import { CASE_LIFETIME_MS, caseExpiresAt, OPEN_STATUSES } from "@/lib/identity/rules";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { normalisePhoneNumber } from "@/lib/sms/phone-number";
import { blockedOrderCancelsAt } from "./rules";

export type ProcedureSent = { email: string; caseId: string; reused: boolean };

/**
 * IDV-4: the unblock procedure of a blocked order — an identity-verification case (IDV-1, the same flow as
 * every other trigger) whose link is mailed to the login e-mail of the person who placed the order (or,
 * for an order placed by nobody in particular, its Organization's first legal representative). A case
 * still open is reused with a new link (only the hash of its secret is kept, so the old link dies).
 *
 * `onlyFirst`: for the job — send nothing when the order already has a case (it was mailed before), so a
 * job run twice mails once. Answers null when there is nothing to send (not blocked, or already sent).
 */
export async function sendUnblockProcedure(db: Db, actor: Actor, orderId: string, opts: { onlyFirst: boolean }): Promise<ProcedureSent | null> {
  const secret = randomSecret();
  const opened = await db.$transaction(async (tx) => {
    // The order's row is the lock that keeps two runs (or a run and a resend) from opening two cases.
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true, orgId: true, number: true, status: true, blockedAt: true, placedById: true } });
    if (!order || order.status !== "BLOCKED" || !order.blockedAt) return null;
    if (opts.onlyFirst && (await tx.identityVerification.count({ where: { orderId } })) > 0) return null;
    const person = await orderRecipient(tx, order.orgId, order.placedById);
    if (!person) return null;
    const t = now();
    await tx.identityVerification.updateMany({ where: { orderId, status: { in: OPEN_STATUSES }, createdAt: { lte: new Date(t.getTime() - CASE_LIFETIME_MS) } }, data: { status: "EXPIRED" } });
    const open = await tx.identityVerification.findFirst({ where: { orderId, status: { in: OPEN_STATUSES } }, select: { id: true, createdAt: true } });
    let caseId: string;
    let createdAt: Date;
    if (open) {
      await tx.identityVerification.update({ where: { id: open.id }, data: { tokenHash: hashSecret(secret) } });
      await audit(tx, actor, { action: "identityVerification.linkRenewed", orgId: order.orgId, targetId: open.id });
      ({ id: caseId, createdAt } = open);
    } else {
      const phone = person.phone ? normalisePhoneNumber(person.phone) : null;
      const created = await tx.identityVerification.create({
        // Without a phone on the account there is no phone step: the case waits for the photos at once.
        data: { userId: person.id, email: person.email, reason: "BLOCKED_ORDER", orderId, tokenHash: hashSecret(secret), phone, status: phone ? "OPEN" : "PHONE_CONFIRMED", createdAt: t },
        select: { id: true, createdAt: true },
      });
      await audit(tx, actor, { action: "identityVerification.opened", orgId: order.orgId, targetId: created.id, metadata: { reason: "BLOCKED_ORDER", phoneStep: !!phone } });
      ({ id: caseId, createdAt } = created);
    }
    await audit(tx, actor, { action: "order.procedureSent", orgId: order.orgId, targetId: order.id, metadata: { caseId } });
    return { order: { number: order.number, blockedAt: order.blockedAt }, person, caseId, createdAt, reused: !!open };
  });
  if (!opened) return null;
  await sendEmail(db, {
    to: opened.person.email,
    template: "orderBlocked",
    params: {
      orderNumber: opened.order.number,
      link: caseUrl(secret),
      linkExpiresAt: caseExpiresAt(opened.createdAt),
      cancelAt: blockedOrderCancelsAt(opened.order.blockedAt),
      timeZone: opened.person.timeZone,
    },
    locale: opened.person.locale,
  });
  return { email: opened.person.email, caseId: opened.caseId, reused: opened.reused };
}

/** Who is told about an order: the person who placed it, else the Organization's first legal representative. */
export async function orderRecipient(tx: Db | Tx, orgId: string, placedById: string | null) {
  const select = { id: true, email: true, phone: true, locale: true, timeZone: true } as const;
  if (placedById) {
    const placer = await tx.user.findUnique({ where: { id: placedById }, select });
    if (placer) return placer;
  }
  const rep = await tx.membership.findFirst({ where: { orgId, role: "LEGAL_REPRESENTATIVE" }, orderBy: { createdAt: "asc" }, select: { user: { select } } });
  return rep?.user ?? null;
}
