import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestsWhere } from "./request-scope";

export const getRequestSchema = z.object({ orgId: z.string().trim().min(1).max(64), requestId: z.string().trim().min(1).max(64) });

/** One request with its conversation and screenshots' ids, as shown to the customer and to staff. */
export async function loadConversation(tx: Db | Tx, requestId: string) {
  const [messages, attachments] = await Promise.all([
    tx.supportMessage.findMany({
      where: { requestId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, fromStaff: true, createdAt: true, author: { select: { firstName: true, lastName: true } } },
    }),
    tx.supportAttachment.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, messageId: true, mimeType: true, sizeBytes: true } }),
  ]);
  return {
    attachments: attachments.filter((a) => a.messageId === null),
    messages: messages.map((m) => ({ ...m, attachments: attachments.filter((a) => a.messageId === m.id) })),
  };
}

/** SUP-4 (customer side): a request the member follows; anyone else (another member, another Organization) gets NOT_FOUND. */
export async function getSupportRequest(db: Db, actor: Actor, raw: z.input<typeof getRequestSchema>) {
  const input = getRequestSchema.parse(raw);
  const access = await requireMember(db, actor, input.orgId, "support.request");
  const request = await db.supportRequest.findFirst({
    where: { AND: [{ id: input.requestId }, requestsWhere(access)] },
    select: {
      id: true,
      orgId: true,
      subject: true,
      body: true,
      status: true,
      createdAt: true,
      closedAt: true,
      closedByStaff: true,
      closeReason: true,
      product: { select: { id: true, name: true } },
      requester: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  return { ...request, ...(await loadConversation(db, request.id)) };
}
