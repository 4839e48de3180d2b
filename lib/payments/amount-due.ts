import type { Tx } from "@/lib/db";

/** What is still to pay on an invoice: its total less its settled payments (prepaid part, transfers). */
export async function amountDue(tx: Tx, invoice: { id: string; totalMinor: number }): Promise<number> {
  const paid = await tx.payment.aggregate({ where: { invoiceId: invoice.id, status: "SUCCEEDED" }, _sum: { amountMinor: true } });
  return Math.max(0, invoice.totalMinor - (paid._sum.amountMinor ?? 0));
}
