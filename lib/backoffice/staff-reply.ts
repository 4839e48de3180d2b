import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { MAX_BODY_CHARS } from "@/lib/support-requests/rules";

export const staffReplySchema = z.object({
  requestId: z.string().trim().min(1).max(64),
  body: z.string().trim().min(1, "validation.required").max(MAX_BODY_CHARS, "validation.tooLong"),
});

/**
 * SUP-4: the staff handling a request replies (replying to a request nobody handles takes it); the
 * requester is e-mailed in their language with a link to the conversation (NTF-1). A request another
 * agent handles does not exist for this one.
 */
export async function replyAsStaff(db: Db, actor: Actor, raw: z.input<typeof staffReplySchema>): Promise<{ id: string }> {
  const staff = requireStaff(actor, "requests.handle");
  const input = staffReplySchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const found = await tx.supportRequest.findFirst({
      where: { id: input.requestId, OR: [{ handlerId: staff.userId }, { handlerId: null, status: "OPEN" }] },
      select: { id: true, orgId: true, subject: true, status: true, handlerId: true, requester: { select: { email: true, locale: true } } },
    });
    if (!found) throw new AppError("NOT_FOUND");
    if (found.status === "CLOSED") throw new AppError("CONFLICT", "support.errors.closed");
    if (!found.handlerId) {
      const taken = await tx.supportRequest.updateMany({ where: { id: found.id, handlerId: null }, data: { handlerId: staff.userId, status: "IN_PROGRESS" } });
      if (taken.count !== 1) throw new AppError("CONFLICT", "backofficeSupport.errors.alreadyTaken");
      await audit(tx, staff, { action: "supportRequest.taken", orgId: found.orgId, targetId: found.id });
    }
    const message = await tx.supportMessage.create({ data: { requestId: found.id, authorId: staff.userId, fromStaff: true, body: input.body, createdAt: now() } });
    await audit(tx, staff, { action: "supportRequest.replied", orgId: found.orgId, targetId: found.id });
    return { found, messageId: message.id };
  });
  const { found } = result;
  await sendEmail(db, {
    to: found.requester.email,
    template: "supportReply",
    params: { subject: found.subject, link: `${config.appUrl}/${found.orgId}/support/${found.id}` },
    locale: found.requester.locale,
  });
  return { id: result.messageId };
}
