import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { invoiceDetailsSelect } from "./get-invoice";
import { withOverdue } from "./list-invoices";

export const invoicesOfYearSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  year: z.coerce.number({ message: "validation.invalid" }).int("validation.invalid").min(2000, "validation.invalid").max(2100, "validation.invalid"),
});
export type InvoicesOfYearInput = z.input<typeof invoicesOfYearSchema>;

/** BIL-7: every invoice and pro-forma issued in a calendar year (UTC), oldest first, for "download all of a year". */
export async function invoicesOfYear(db: Db, actor: Actor, raw: InvoicesOfYearInput) {
  return db.$transaction(async (tx) => {
    // Access first: someone who may not read the invoices learns nothing from how the year is refused.
    const me = await requireAccess(tx, actor, String(raw.orgId), "billing.read");
    const input = invoicesOfYearSchema.parse(raw);
    const rows = await tx.invoice.findMany({
      where: { orgId: me.orgId, issuedAt: { gte: new Date(Date.UTC(input.year, 0, 1)), lt: new Date(Date.UTC(input.year + 1, 0, 1)) } },
      orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
      select: invoiceDetailsSelect,
    });
    return rows.map((r) => withOverdue(r));
  });
}
