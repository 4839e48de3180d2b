import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestsWhere } from "./request-scope";
import { MAX_BODY_CHARS } from "./rules";
import { checkScreenshots, screenshotsField, storeWithScreenshots } from "./screenshots";

export const replyRequestSchema = z.object({
  orgId: z.string().trim().min(1).max(64),
  requestId: z.string().trim().min(1).max(64),
  body: z.string().trim().min(1, "validation.required").max(MAX_BODY_CHARS, "validation.tooLong"),
  screenshots: screenshotsField,
});

/** The request a member may write to: one they follow and that is not closed. */
export async function requireWritableRequest(db: Db, actor: Actor, orgId: string, requestId: string) {
  const access = await requireMember(db, actor, orgId, "support.request");
  const request = await db.supportRequest.findFirst({ where: { AND: [{ id: requestId }, requestsWhere(access)] }, select: { id: true, status: true } });
  if (!request) throw new AppError("NOT_FOUND");
  if (request.status === "CLOSED") throw new AppError("CONFLICT", "support.errors.closed");
  return { access, request };
}

/** SUP-4 (customer side): the customer adds to the conversation of an open request, with screenshots if needed. */
export async function replyToSupportRequest(db: Db, actor: Actor, raw: unknown): Promise<{ id: string }> {
  const input = replyRequestSchema.parse(raw);
  await requireWritableRequest(db, actor, input.orgId, input.requestId);
  const shots = await checkScreenshots(input.screenshots);
  return storeWithScreenshots(input.requestId, shots, (files) =>
    db.$transaction(async (tx) => {
      const me = await requireMember(tx, actor, input.orgId, "support.request");
      // Read again in the transaction: the request may have been closed while the screenshots were written.
      const open = await tx.supportRequest.findFirst({ where: { AND: [{ id: input.requestId, status: { not: "CLOSED" } }, requestsWhere(me)] }, select: { id: true } });
      if (!open) throw new AppError("CONFLICT", "support.errors.closed");
      const t = now();
      const message = await tx.supportMessage.create({ data: { requestId: input.requestId, authorId: me.userId, fromStaff: false, body: input.body, createdAt: t } });
      if (files.length) await tx.supportAttachment.createMany({ data: files.map((f) => ({ ...f, requestId: input.requestId, messageId: message.id, createdAt: t })) });
      await audit(tx, me.actor, { action: "supportRequest.replied", orgId: me.orgId, targetId: input.requestId, metadata: { screenshots: files.length } });
      return { id: message.id };
    }),
  );
}
