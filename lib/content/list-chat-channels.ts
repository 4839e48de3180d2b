import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { contentProductsWhere } from "./content-products";

export const listChatChannelsSchema = z.object({ orgId: z.string().trim().min(1).max(64) });

/** SUP-1: the discussions of the Organization's chat products that the reader may open. */
export async function listChatChannels(db: Db, actor: Actor, raw: z.input<typeof listChatChannelsSchema>) {
  const input = listChatChannelsSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "content.chat.read");
  const products = await contentProductsWhere(db, access, "chat");
  const rows = await db.chatChannel.findMany({
    where: { product: products },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, product: { select: { name: true } }, _count: { select: { messages: true } } },
  });
  return rows.map((c) => ({ id: c.id, name: c.name, productName: c.product.name, messageCount: c._count.messages }));
}
