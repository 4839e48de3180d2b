import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { mailScope } from "./mail-scope";

export const listMailboxesSchema = z.object({ orgId: z.string().trim().min(1).max(64) });

/** SUP-1: the mail addresses of the Organization's mail products that the reader may open, with their message counts. */
export async function listMailboxes(db: Db, actor: Actor, raw: z.input<typeof listMailboxesSchema>) {
  const input = listMailboxesSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "content.mail.read");
  const scope = await mailScope(db, access);
  const rows = await db.mailbox.findMany({
    where: scope.mailbox,
    orderBy: [{ address: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, address: true, displayName: true, product: { select: { name: true } }, _count: { select: { messages: { where: scope.message } } } },
  });
  return rows.map((m) => ({ id: m.id, address: m.address, displayName: m.displayName, productName: m.product.name, messageCount: m._count.messages }));
}
