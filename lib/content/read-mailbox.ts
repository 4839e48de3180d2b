import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mailScope } from "./mail-scope";

export const MAIL_PAGE_SIZE = 25;

export const readMailboxSchema = z.object({
  orgId: z.string().trim().min(1).max(64),
  mailboxId: z.string().trim().min(1).max(64),
  /** The message shown in full, if any. */
  messageId: z.string().trim().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * SUP-1, SUP-3: one mailbox's messages, newest first, a page at a time, and one message in full. What the
 * reader may not open is not found. A read by support staff is written to the Organization's activity
 * log, so the customer sees who looked at what.
 */
export async function readMailbox(db: Db, actor: Actor, raw: z.input<typeof readMailboxSchema>) {
  const input = readMailboxSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "content.mail.read");
  const scope = await mailScope(db, access);
  const mailbox = await db.mailbox.findFirst({ where: { AND: [{ id: input.mailboxId }, scope.mailbox] }, select: { id: true, address: true, displayName: true } });
  if (!mailbox) throw new AppError("NOT_FOUND");
  const inMailbox = { AND: [{ mailboxId: mailbox.id }, scope.message] };
  const [messages, total, message] = await Promise.all([
    db.mailMessage.findMany({
      where: inMailbox,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * MAIL_PAGE_SIZE,
      take: MAIL_PAGE_SIZE,
      select: { id: true, fromName: true, fromAddress: true, subject: true, receivedAt: true },
    }),
    db.mailMessage.count({ where: inMailbox }),
    input.messageId ? db.mailMessage.findFirst({ where: { AND: [{ id: input.messageId }, inMailbox] } }) : null,
  ]);
  if (input.messageId && !message) throw new AppError("NOT_FOUND");
  if (access.via === "support") {
    await audit(db, access.actor, {
      action: message ? "support.mailRead" : "support.mailboxRead",
      orgId: access.orgId,
      targetId: message?.id ?? mailbox.id,
      metadata: message ? { mailbox: mailbox.address, subject: message.subject } : { mailbox: mailbox.address },
    });
  }
  return { mailbox, messages, total, page: input.page, pageCount: Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE)), message };
}
