import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { AppError } from "@/lib/errors";
import { caseIdSchema } from "./get-case";
import { readCaseFile } from "./storage";

/** IDV-2 (back office): the bytes of one uploaded photo, for staff only; anyone else gets NOT_FOUND. */
export async function readIdentityDocument(db: Db, actor: Actor, input: { caseId: string; documentId: string }) {
  requireStaff(actor, "verifications.read");
  if (!caseIdSchema.safeParse(input.caseId).success || !caseIdSchema.safeParse(input.documentId).success) throw new AppError("NOT_FOUND");
  const doc = await db.identityDocument.findFirst({
    where: { id: input.documentId, caseId: input.caseId, case: { filesDeletedAt: null } },
    select: { storagePath: true, mimeType: true },
  });
  if (!doc) throw new AppError("NOT_FOUND");
  const bytes = await readCaseFile(doc.storagePath).catch(() => {
    throw new AppError("NOT_FOUND");
  });
  return { bytes, mimeType: doc.mimeType };
}
