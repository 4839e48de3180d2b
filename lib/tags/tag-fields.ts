import { z } from "zod";
import type { OrgAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma, Tag } from "@/lib/generated/prisma/client";
import { changeableProductsWhere, limitedByGrants, seesEveryProduct, visibleProductsWhere } from "@/lib/products/visible-products";
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

/**
 * SEC-4 / SEC-5: the tag of this Organization that the actor is about to rename, recolour or delete, or
 * NOT_FOUND. Such a change shows on every product carrying the tag, so it requires being able to change
 * every one of them: a tag on a product the actor cannot see is FORBIDDEN ("on products you cannot see"),
 * and so is a tag on a product the actor may only read (a READ grant). The tag row is locked first, so a
 * tag attached meanwhile to another product (that insert waits for the lock) is counted.
 */
export async function findTagToChange(tx: Tx, access: OrgAccess, tagId: string): Promise<Tag> {
  const [tag] = await tx.$queryRaw<Tag[]>`
    SELECT "id", "orgId", "name", "normalizedName", "color", "createdAt" FROM "Tag" WHERE "id" = ${tagId} AND "orgId" = ${access.orgId} FOR UPDATE`;
  if (!tag) throw new AppError("NOT_FOUND");
  // Legal representatives, administrators and partners with full access see and may change every product.
  if (seesEveryProduct(access)) return tag;
  const carrying = (products: Prisma.ProductWhereInput) =>
    tx.productTag.findFirst({ where: { tagId: tag.id, product: { NOT: products } }, select: { productId: true } });
  if (await carrying(visibleProductsWhere(access))) throw new AppError("FORBIDDEN", "errors.tagOnHiddenProducts");
  if (limitedByGrants(access) && (await carrying(changeableProductsWhere(access)))) throw new AppError("FORBIDDEN", "errors.tagOnReadOnlyProducts");
  return tag;
}
