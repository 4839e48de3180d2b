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

/**
 * BIL-6: the prepaid account's balance and its history, newest first, keyset-paged: `before` is the id
 * of the last movement of the previous page (another Organization's id reads as the first page). Each
 * movement names the invoice it paid (a spend) or the payment behind it (a top-up, a refund).
 */
export async function prepaidAccount(db: Db, actor: Actor, raw: PrepaidAccountInput) {
  const input = prepaidAccountSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const org = await tx.organization.findUniqueOrThrow({ where: { id: me.orgId }, select: { currency: true } });
    const cursor = input.before ? await tx.prepaidEntry.findFirst({ where: { id: input.before, orgId: me.orgId }, select: { id: true, createdAt: true } }) : null;
    const older = cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {};
    const [balanceMinor, rows] = await Promise.all([
      ledgerBalance(tx, me.orgId),
      tx.prepaidEntry.findMany({
        where: { orgId: me.orgId, ...older },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.perPage + 1,
        select: {
          id: true,
          kind: true,
          amountMinor: true,
          currency: true,
          createdAt: true,
          invoice: { select: { id: true, number: true } },
          payment: { select: { id: true, methodType: true, invoice: { select: { id: true, number: true } } } },
        },
      }),
    ]);
    const entries = rows.slice(0, input.perPage).map(({ payment, invoice, ...e }) => ({
      ...e,
      invoice: invoice ?? payment?.invoice ?? null,
      paymentId: payment?.id ?? null,
      methodType: payment?.methodType ?? null,
    }));
    const nextCursor = rows.length > input.perPage ? entries[entries.length - 1]!.id : null;
    return { balanceMinor, currency: org.currency, entries, nextCursor, paged: !!cursor };
  });
}

export type PrepaidAccount = Awaited<ReturnType<typeof prepaidAccount>>;
