import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import type { Db } from "@/lib/db";
import { requirePartnerMember } from "./partner-of";

/** Ledger entries shown on the dashboard, newest first. */
const LATEST = 10;

export const listCashbackSchema = z.object({ partnerId: z.string().min(1).max(64) });

export type CashbackLedger = {
  totals: { currency: string; amountMinor: number }[];
  latest: { id: string; clientName: string; invoiceNumber: string; amountMinor: number; currency: string; createdAt: Date }[];
};

/**
 * PRT-5: the partner's cashback ledger — the total per currency and the latest entries. Only members of
 * the partner's Organization who may read its billing; another member gets null (the section is hidden),
 * anyone else NOT_FOUND.
 */
export async function listCashback(db: Db, actor: Actor, raw: z.input<typeof listCashbackSchema>): Promise<CashbackLedger | null> {
  const input = listCashbackSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { partner, access } = await requirePartnerMember(tx, actor, input.partnerId, "org.read");
    if (!access.actions.has("billing.read")) return null;
    const [totals, latest] = await Promise.all([
      tx.partnerCashback.groupBy({ by: ["currency"], where: { partnerId: partner.id }, _sum: { amountMinor: true }, orderBy: { currency: "asc" } }),
      tx.partnerCashback.findMany({
        where: { partnerId: partner.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: LATEST,
        select: { id: true, amountMinor: true, currency: true, createdAt: true, client: { select: { name: true } }, invoice: { select: { number: true } } },
      }),
    ]);
    return {
      totals: totals.map((t) => ({ currency: t.currency, amountMinor: t._sum.amountMinor ?? 0 })),
      latest: latest.map((e) => ({ id: e.id, clientName: e.client.name, invoiceNumber: e.invoice.number, amountMinor: e.amountMinor, currency: e.currency, createdAt: e.createdAt })),
    };
  });
}
