import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentProductsWhere } from "./content-products";

export const CHAT_PAGE_SIZE = 50;

export const readChatChannelSchema = z.object({
  orgId: z.string().trim().min(1).max(64),
  channelId: z.string().trim().min(1).max(64),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** SUP-1, SUP-3: one discussion, its latest messages first by page (shown oldest to newest); staff reads are logged. */
export async function readChatChannel(db: Db, actor: Actor, raw: z.input<typeof readChatChannelSchema>) {
  const input = readChatChannelSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "content.chat.read");
  const products = await contentProductsWhere(db, access, "chat");
  const channel = await db.chatChannel.findFirst({ where: { id: input.channelId, product: products }, select: { id: true, name: true, product: { select: { name: true } } } });
  if (!channel) throw new AppError("NOT_FOUND");
  const [latest, total] = await Promise.all([
    db.chatMessage.findMany({
      where: { channelId: channel.id },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * CHAT_PAGE_SIZE,
      take: CHAT_PAGE_SIZE,
      select: { id: true, authorName: true, body: true, sentAt: true },
    }),
    db.chatMessage.count({ where: { channelId: channel.id } }),
  ]);
  if (access.via === "support") {
    await audit(db, access.actor, { action: "support.chatChannelRead", orgId: access.orgId, targetId: channel.id, metadata: { channel: channel.name } });
  }
  return { channel: { id: channel.id, name: channel.name, productName: channel.product.name }, messages: latest.reverse(), total, page: input.page, pageCount: Math.max(1, Math.ceil(total / CHAT_PAGE_SIZE)) };
}
