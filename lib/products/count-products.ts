import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { ProductStatus } from "@/lib/generated/prisma/enums";
import { productFilters } from "./list-products";

export const countProductsSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  q: z.string().trim().max(100).optional(),
  category: z.string().max(40).optional(),
  tagId: z.string().max(64).optional(),
  status: z.enum(ProductStatus).optional(),
  expiresWithin: z.number().int().min(0).max(3650).optional(),
});
export type CountProductsInput = z.input<typeof countProductsSchema>;

/** PRD-3: how many products the actor sees under the same filters as listProducts (API `return=total`). */
export async function countProducts(db: Db, actor: Actor, raw: CountProductsInput): Promise<number> {
  const input = countProductsSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "products.read");
  return db.product.count({ where: { AND: productFilters(access, input) } });
}
