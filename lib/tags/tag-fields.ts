import { z } from "zod";
import type { OrgAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { TAG_COLORS } from "./palette";

export const orgIdField = z.string().trim().min(1, "validation.required").max(64);
export const idField = z.string().trim().min(1, "validation.required").max(64);
/** A short label (TAG-1): spaces collapsed, 1 to 40 characters. */
export const tagNameField = z
  .string()
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "validation.required").max(40, "validation.tooLong"));
export const tagColorField = z.enum(TAG_COLORS, { message: "validation.invalid" });

/** Tag names are unique per Organization whatever the case (TAG-3). */
export function normalizeTagName(name: string): string {
  return name.toLocaleLowerCase("und");
}

/** A duplicate name answers CONFLICT with the field that clashes, never a 500. */
export function tagNameConflict(err: unknown): unknown {
  if ((err as { code?: string } | null)?.code === "P2002") {
    return new AppError("CONFLICT", "errors.alreadyExists", { name: ["errors.alreadyExists"] });
  }
  return err;
}

/** A tag of this Organization, or NOT_FOUND (another tenant's id included). */
export async function findTag(tx: Tx, orgId: string, tagId: string) {
  const tag = await tx.tag.findFirst({ where: { id: tagId, orgId } });
  if (!tag) throw new AppError("NOT_FOUND");
  return tag;
}

/** PRD-3: every product must be visible to the actor, else NOT_FOUND (existence is never revealed). */
export async function requireVisibleProducts(tx: Tx, access: OrgAccess, productIds: string[]): Promise<void> {
  const ids = [...new Set(productIds)];
  const count = await tx.product.count({ where: { AND: [visibleProductsWhere(access), { id: { in: ids } }] } });
  if (count !== ids.length) throw new AppError("NOT_FOUND");
}
