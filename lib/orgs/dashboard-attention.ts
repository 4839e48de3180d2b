import { allows, type OrgAccess } from "@/lib/access/require-access";
import { IDLE_LIMIT_DAYS } from "@/lib/api-tokens/disable-idle-tokens";
import { tokensActingIn } from "@/lib/api-tokens/list-organization-tokens";
import { tokenDeadline, WARNING_DAYS } from "@/lib/api-tokens/warn-expiring-tokens";
import { DAY } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { blockedOrderCancelsAt } from "@/lib/orders/rules";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { countBackupCodesLeft } from "@/lib/two-factor/backup-codes";
import { cappedCount } from "./capped-count";

/** The dashboard flags the reader's backup codes when this many or fewer are left (2FA-2). */
export const FEW_BACKUP_CODES = 2;
/** Tokens that stop working within this many days are flagged (TOK-1, TOK-3), as their owners are e-mailed. */
export const TOKEN_WARNING_DAYS = WARNING_DAYS[0];
/** At most this many people or orders are named one by one. */
const NAMED = 5;

/** What needs attention first, most urgent first; the page turns each kind into a sentence and a link. */
export type AttentionItem =
  | { kind: "overdueInvoices"; count: number; invoiceId: string | null }
  | { kind: "suspendedProducts"; count: number }
  | { kind: "blockedOrder"; orderId: string; number: string; cancelAt: Date }
  | { kind: "twoFactorOff" }
  | { kind: "legalRepresentativeTwoFactorOff"; membershipId: string; name: string }
  | { kind: "backupCodesLow"; left: number }
  | { kind: "tokensExpiring"; count: number; soonest: Date; whose: "own" | "organization" };

const ACTIVE_CONFIRMED = { confirmedAt: { not: null } } satisfies Prisma.TwoFactorMethodWhereInput;

/** Active tokens whose expiry, or year without use (TOK-3), falls within the warning window. */
function tokensEndingSoon(at: Date): Prisma.ApiTokenWhereInput {
  const horizon = new Date(at.getTime() + TOKEN_WARNING_DAYS * DAY);
  const idleHorizon = new Date(horizon.getTime() - IDLE_LIMIT_DAYS * DAY);
  return {
    revokedAt: null,
    disabledAt: null,
    AND: [
      { OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
      { OR: [{ expiresAt: { lte: horizon } }, { lastUsedAt: { lte: idleHorizon } }, { lastUsedAt: null, createdAt: { lte: idleHorizon } }] },
    ],
  };
}

/**
 * The dashboard's "needs attention first" list, each item only for a reader whose access allows it:
 * overdue invoices and blocked orders for billing readers (BIL-1, IDV-4), suspended products among those
 * the reader sees (PRD-3), the reader's own second factor and backup codes (2FA-1, 2FA-2), the legal
 * representatives' second factor for those who oversee it, and API tokens about to stop working — the
 * reader's own, or every token acting here for those who oversee them (TOK-1, TOK-3). Indexed, capped reads.
 */
export async function dashboardAttention(db: Db, access: OrgAccess, at: Date): Promise<AttentionItem[]> {
  const orgId = access.orgId;
  const billing = allows(access, "billing.read");
  // Staff reading granted content act for the request, not as a person of the Organization.
  const person = access.via === "support" ? null : access.userId;
  const tokensWhere: Prisma.ApiTokenWhereInput | null = allows(access, "tokens.oversee")
    ? { AND: [tokensActingIn(orgId), tokensEndingSoon(at)] }
    : allows(access, "tokens.manage") && person
      ? { userId: person, AND: [tokensActingIn(orgId), tokensEndingSoon(at)] }
      : null;
  const [overdue, firstOverdue, suspended, blocked, ownMethods, backupLeft, representatives, tokens] = await Promise.all([
    billing ? cappedCount((take) => db.invoice.count({ where: { orgId, status: "UNPAID", dueAt: { lt: at } }, take })) : 0,
    billing ? db.invoice.findMany({ where: { orgId, status: "UNPAID", dueAt: { lt: at } }, orderBy: { dueAt: "asc" }, take: 1, select: { id: true } }) : [],
    allows(access, "products.read") ? cappedCount((take) => db.product.count({ where: { ...visibleProductsWhere(access), status: "BLOCKED" }, take })) : 0,
    billing
      ? db.order.findMany({ where: { orgId, status: "BLOCKED" }, orderBy: { createdAt: "asc" }, take: NAMED, select: { id: true, number: true, blockedAt: true } })
      : [],
    person ? db.twoFactorMethod.count({ where: { userId: person, ...ACTIVE_CONFIRMED } }) : 1,
    person ? countBackupCodesLeft(db, person) : 0,
    allows(access, "security.oversee")
      ? db.membership.findMany({
          where: { orgId, role: "LEGAL_REPRESENTATIVE", userId: { not: person ?? undefined }, user: { twoFactorMethods: { none: ACTIVE_CONFIRMED } } },
          orderBy: { createdAt: "asc" },
          take: NAMED,
          select: { id: true, user: { select: { firstName: true, lastName: true, email: true } } },
        })
      : [],
    tokensWhere
      ? db.apiToken.findMany({ where: tokensWhere, take: 100, select: { expiresAt: true, lastUsedAt: true, createdAt: true } })
      : [],
  ]);
  const items: AttentionItem[] = [];
  if (overdue > 0) items.push({ kind: "overdueInvoices", count: overdue, invoiceId: overdue === 1 ? (firstOverdue[0]?.id ?? null) : null });
  if (suspended > 0) items.push({ kind: "suspendedProducts", count: suspended });
  for (const o of blocked) items.push({ kind: "blockedOrder", orderId: o.id, number: o.number, cancelAt: blockedOrderCancelsAt(o.blockedAt ?? at) });
  if (person && ownMethods === 0) items.push({ kind: "twoFactorOff" });
  for (const r of representatives) {
    items.push({ kind: "legalRepresentativeTwoFactorOff", membershipId: r.id, name: `${r.user.firstName} ${r.user.lastName}`.trim() || r.user.email });
  }
  if (person && ownMethods > 0 && backupLeft <= FEW_BACKUP_CODES) items.push({ kind: "backupCodesLow", left: backupLeft });
  if (tokens.length > 0) {
    const soonest = new Date(Math.min(...tokens.map((tk) => tokenDeadline(tk).when.getTime())));
    items.push({ kind: "tokensExpiring", count: tokens.length, soonest, whose: allows(access, "tokens.oversee") ? "organization" : "own" });
  }
  return items;
}
