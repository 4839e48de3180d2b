import type { Actor } from "@/lib/access/actor";
import { requireMember, requireStaff } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffRequestWhere } from "@/lib/backoffice/staff-request-scope";
import { requestsWhere } from "./request-scope";
import { readSupportFile } from "./storage";

type Input = { requestId: string; attachmentId: string };

async function bytesOf(db: Db, where: Prisma.SupportRequestWhereInput, input: Input) {
  const found = await db.supportAttachment.findFirst({ where: { id: input.attachmentId, requestId: input.requestId, request: where }, select: { storagePath: true, mimeType: true } });
  if (!found) throw new AppError("NOT_FOUND");
  const bytes = await readSupportFile(found.storagePath).catch(() => {
    throw new AppError("NOT_FOUND");
  });
  return { bytes, mimeType: found.mimeType };
}

/** A screenshot, for the members of the request's Organization who follow the request; anyone else NOT_FOUND. */
export async function readRequestAttachment(db: Db, actor: Actor, input: Input & { orgId: string }) {
  const access = await requireMember(db, actor, input.orgId, "support.request");
  return bytesOf(db, requestsWhere(access), input);
}

/** A screenshot, for the staff who may open the request in the back office; anyone else NOT_FOUND. */
export async function readRequestAttachmentAsStaff(db: Db, actor: Actor, input: Input) {
  const staff = requireStaff(actor, "requests.read");
  return bytesOf(db, staffRequestWhere(staff), input);
}
