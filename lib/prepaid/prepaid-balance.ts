import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db, Tx } from "@/lib/db";

export const prepaidAccountSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  before: z.string().max(64).optional(),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});
export type PrepaidAccountInput = z.input<typeof prepaidAccountSchema>;

/** The balance is the sum of the ledger's entries (BIL-6); read under the caller's lock when it is about to spend. */
export async function ledgerBalance(tx: Tx, orgId: string): Promise<number> {
  const sum = await tx.prepaidEntry.aggregate({ where: { orgId }, _sum: { amountMinor: true } });
  return sum._sum.amountMinor ?? 0;
}

/**
 * Takes the Organization's prepaid lock for the rest of the transaction: every spend and top-up of one
 * Organization goes through it, so two spends cannot both see the same balance (BIL-6: never below zero).
 */
export async function lockPrepaid(tx: Tx, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
}

/** BIL-6: the prepaid account's balance and its history (newest first, keyset by id), for billing readers. */
export async function prepaidAccount(db: Db, actor: Actor, raw: PrepaidAccountInput) {
  const input = prepaidAccountSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const org = await tx.organization.findUniqueOrThrow({ where: { id: me.orgId }, select: { currency: true } });
    const [balanceMinor, entries] = await Promise.all([
      ledgerBalance(tx, me.orgId),
      tx.prepaidEntry.findMany({
        where: { orgId: me.orgId, ...(input.before ? { id: { lt: input.before } } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.perPage,
        select: { id: true, kind: true, amountMinor: true, currency: true, createdAt: true, invoice: { select: { id: true, number: true } } },
      }),
    ]);
    return { balanceMinor, currency: org.currency, entries };
  });
}
