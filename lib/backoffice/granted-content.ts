import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { readChatChannel } from "@/lib/content/read-chat-channel";
import { readDriveFolder } from "@/lib/content/read-drive-folder";
import { readMailbox } from "@/lib/content/read-mailbox";
import type { Db } from "@/lib/db";
import { requireHandledRequest } from "./staff-request";

/**
 * SUP-3: the back office's read-only views of granted content go through a request the staff member
 * handles, then through the content services with the staff actor — which check the grant on every read
 * and write each read to the Organization's activity log. Another agent, an ended grant: NOT_FOUND.
 */
async function viaRequest(db: Db, actor: Actor, requestId: string) {
  const staff = requireStaff(actor, "requests.handle");
  const request = await requireHandledRequest(db, staff, requestId);
  return { staff, orgId: request.orgId };
}

export async function readGrantedMailbox(db: Db, actor: Actor, input: { requestId: string; mailboxId: string; messageId?: string; page?: string }) {
  const { staff, orgId } = await viaRequest(db, actor, input.requestId);
  return readMailbox(db, staff, { orgId, mailboxId: input.mailboxId, messageId: input.messageId, page: input.page });
}

export async function readGrantedDriveFolder(db: Db, actor: Actor, input: { requestId: string; folderId: string }) {
  const { staff, orgId } = await viaRequest(db, actor, input.requestId);
  return readDriveFolder(db, staff, { orgId, folderId: input.folderId });
}

export async function readGrantedChatChannel(db: Db, actor: Actor, input: { requestId: string; channelId: string; page?: string }) {
  const { staff, orgId } = await viaRequest(db, actor, input.requestId);
  return readChatChannel(db, staff, { orgId, channelId: input.channelId, page: input.page });
}
