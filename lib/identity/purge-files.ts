import { systemJob } from "@/lib/access/actor";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { CASE_LIFETIME_MS, OPEN_STATUSES } from "./rules";
import { listCaseFolders, removeCaseFolder } from "./storage";

export type PurgeResult = { expiredCases: number; deletedFiles: number; deletedFolders: number };

/**
 * IDV-3: cases not handled within 72 hours of their creation expire and their photos are deleted; any
 * photo still on disk for a case that is no longer open (a deletion that failed after a decision, a
 * case removed with its user) is deleted too. Safe to run any number of times.
 */
export async function purgeIdentityFiles(db: Db): Promise<PurgeResult> {
  const t = now();
  const cutoff = new Date(t.getTime() - CASE_LIFETIME_MS);
  let deletedFiles = 0;
  let deletedFolders = 0;

  const due = await db.identityVerification.findMany({ where: { status: { in: OPEN_STATUSES }, createdAt: { lte: cutoff } }, select: { id: true } });
  let expiredCases = 0;
  for (const { id } of due) {
    const expired = await db.$transaction(async (tx) => {
      const res = await tx.identityVerification.updateMany({
        where: { id, status: { in: OPEN_STATUSES }, createdAt: { lte: cutoff } },
        data: { status: "EXPIRED", filesDeletedAt: t, phoneCodeHash: null },
      });
      if (res.count !== 1) return false;
      const files = await tx.identityDocument.deleteMany({ where: { caseId: id } });
      await audit(tx, systemJob("identity-files-purge"), { action: "identityVerification.expired", targetId: id, metadata: { filesDeleted: files.count } });
      return true;
    });
    if (expired) expiredCases++;
  }

  // Handled cases whose file rows were not cleared (e.g. closed as expired when the user asked again).
  const handled = await db.identityVerification.findMany({ where: { status: { notIn: OPEN_STATUSES }, filesDeletedAt: null }, select: { id: true } });
  for (const { id } of handled) {
    await db.$transaction([
      db.identityDocument.deleteMany({ where: { caseId: id } }),
      db.identityVerification.update({ where: { id }, data: { filesDeletedAt: t } }),
    ]);
  }

  // Whatever is on disk and does not belong to an open case goes.
  const folders = await listCaseFolders();
  const open = new Set(
    (await db.identityVerification.findMany({ where: { id: { in: folders }, status: { in: OPEN_STATUSES } }, select: { id: true } })).map((c) => c.id),
  );
  for (const caseId of folders) {
    if (open.has(caseId)) continue;
    deletedFiles += await removeCaseFolder(caseId);
    deletedFolders++;
  }
  return { expiredCases, deletedFiles, deletedFolders };
}
