import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { staffRequestWhere } from "./staff-request-scope";

export const MAX_CLOSE_REASON_CHARS = 1000;

export const staffCloseSchema = z.object({
  requestId: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(1, "validation.required").max(MAX_CLOSE_REASON_CHARS, "validation.tooLong"),
});

/**
 * SUP-4: the staff handling a request closes it with a reason (as may any agent an untaken one, e.g. spam,
 * and a supervisor any request: the requests staffRequestWhere lets them open).
 * The conversation shows the reason, the requester is e-mailed in their language (NTF-1), and the staff's
 * access that depended on the request ends at once: requireAccess only admits grants through a request
 * that is not closed, and the grants given for this request are marked ended. Closing twice: CONFLICT.
 */
export async function closeAsStaff(db: Db, actor: Actor, raw: z.input<typeof staffCloseSchema>): Promise<{ grantsEnded: number }> {
  const staff = requireStaff(actor, "requests.handle");
  const input = staffCloseSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const found = await tx.supportRequest.findFirst({
      where: { AND: [{ id: input.requestId }, staffRequestWhere(staff)] },
      select: { id: true, orgId: true, subject: true, requester: { select: { email: true, locale: true, deletedAt: true } } },
    });
    if (!found) throw new AppError("NOT_FOUND");
    const at = now();
    // Conditional on the status: of two closings at once (or a customer's), one wins.
    const closed = await tx.supportRequest.updateMany({
      where: { id: found.id, status: { not: "CLOSED" } },
      data: { status: "CLOSED", closedAt: at, closedByStaff: true, closeReason: input.reason },
    });
    if (closed.count !== 1) throw new AppError("CONFLICT", "support.errors.closed");
    const ended = await tx.supportGrant.updateMany({ where: { requestId: found.id, endedAt: null }, data: { endedAt: at } });
    await audit(tx, staff, { action: "supportRequest.closedByStaff", orgId: found.orgId, targetId: found.id, metadata: { reason: input.reason, grantsEnded: ended.count } });
    return { found, grantsEnded: ended.count };
  });
  const { found } = result;
  if (!found.requester.deletedAt) {
    await sendEmail(db, {
      to: found.requester.email,
      template: "supportClosed",
      params: { subject: found.subject, reason: input.reason, link: `${config.appUrl}/${found.orgId}/support/${found.id}` },
      locale: found.requester.locale,
    });
  }
  return { grantsEnded: result.grantsEnded };
}
