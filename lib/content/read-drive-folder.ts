import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentProductsWhere } from "./content-products";

export const readDriveFolderSchema = z.object({ orgId: z.string().trim().min(1).max(64), folderId: z.string().trim().min(1).max(64) });

const MAX_DEPTH = 20;

/**
 * SUP-1, SUP-3: one drive folder — its path from the drive's root, its subfolders and files. A folder of a
 * drive the reader may not open is not found; a read by support staff goes to the activity log.
 */
export async function readDriveFolder(db: Db, actor: Actor, raw: z.input<typeof readDriveFolderSchema>) {
  const input = readDriveFolderSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "content.drive.read");
  const products = await contentProductsWhere(db, access, "drive");
  const folder = await db.driveFolder.findFirst({
    where: { id: input.folderId, product: products },
    select: {
      id: true,
      name: true,
      parentId: true,
      product: { select: { id: true, name: true } },
      children: { orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { files: true } } } },
      files: { orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, mimeType: true, sizeBytes: true, updatedAt: true } },
    },
  });
  if (!folder) throw new AppError("NOT_FOUND");
  const path: { id: string; name: string }[] = [];
  for (let parentId = folder.parentId, depth = 0; parentId && depth < MAX_DEPTH; depth++) {
    const parent = await db.driveFolder.findUnique({ where: { id: parentId }, select: { id: true, name: true, parentId: true } });
    if (!parent) break;
    path.unshift({ id: parent.id, name: parent.name });
    parentId = parent.parentId;
  }
  if (access.via === "support") {
    await audit(db, access.actor, { action: "support.driveFolderRead", orgId: access.orgId, targetId: folder.id, metadata: { drive: folder.product.name, folder: folder.name } });
  }
  return { folder: { id: folder.id, name: folder.name }, drive: folder.product, path, folders: folder.children.map((c) => ({ id: c.id, name: c.name, fileCount: c._count.files })), files: folder.files };
}
