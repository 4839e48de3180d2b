import { z } from "zod";
import type { Actor, StaffActor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { listChatChannels } from "@/lib/content/list-chat-channels";
import { listDrives } from "@/lib/content/list-drives";
import { listMailboxes } from "@/lib/content/list-mailboxes";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadConversation } from "@/lib/support-requests/get-request";
import { staffRequestWhere } from "./staff-request-scope";

export const staffRequestSchema = z.object({ requestId: z.string().trim().min(1).max(64) });

/** Content the access model refuses (no grant of that kind, grant ended, not the handler) is shown as none. */
async function granted<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) return null;
    throw err;
  }
}

/**
 * SUP-3, SUP-4: the request a member of staff handles, open — the only way into an Organization's content
 * from the back office. Anyone else (another agent included) gets NOT_FOUND.
 */
export async function requireHandledRequest(db: Db, staff: StaffActor, requestId: string) {
  const found = await db.supportRequest.findFirst({ where: { id: requestId, handlerId: staff.userId, status: { not: "CLOSED" } }, select: { id: true, orgId: true } });
  if (!found) throw new AppError("NOT_FOUND");
  return found;
}

/**
 * SUP-4: one request in the back office, with its conversation and, for the staff handling it, the
 * content its Organization granted (SUP-3): the lists come from the content services with the staff actor,
 * so a revoked or expired grant shows nothing.
 */
export async function getStaffRequest(db: Db, actor: Actor, raw: z.input<typeof staffRequestSchema>) {
  const staff = requireStaff(actor, "requests.read");
  const input = staffRequestSchema.parse(raw);
  const request = await db.supportRequest.findFirst({
    where: { AND: [{ id: input.requestId }, staffRequestWhere(staff)] },
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
      handlerId: true,
      organization: { select: { name: true } },
      product: { select: { name: true } },
      requester: { select: { firstName: true, lastName: true } },
      handler: { select: { firstName: true, lastName: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const mine = request.handlerId === staff.userId && request.status !== "CLOSED";
  const orgId = { orgId: request.orgId };
  const [conversation, mailboxes, drives, channels] = await Promise.all([
    loadConversation(db, request.id),
    mine ? granted(listMailboxes(db, staff, orgId)) : null,
    mine ? granted(listDrives(db, staff, orgId)) : null,
    mine ? granted(listChatChannels(db, staff, orgId)) : null,
  ]);
  return { ...request, ...conversation, mine, content: { mailboxes, drives, channels } };
}
