import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { contentProductsWhere } from "./content-products";

export const listDrivesSchema = z.object({ orgId: z.string().trim().min(1).max(64) });

/** SUP-1: the Organization's drives the reader may open, each with the folders at its root. */
export async function listDrives(db: Db, actor: Actor, raw: z.input<typeof listDrivesSchema>) {
  const input = listDrivesSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "content.drive.read");
  const products = await contentProductsWhere(db, access, "drive");
  const drives = await db.product.findMany({
    where: products,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, name: true, driveFolders: { where: { parentId: null }, orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  return drives.map((d) => ({ id: d.id, name: d.name, folders: d.driveFolders }));
}
