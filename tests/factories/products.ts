import type { Prisma, Product, ProductCategory } from "@/lib/generated/prisma/client";
import { DAY, now } from "../../lib/clock";
import { unique, type DbOrTx } from "./unique";

export const PRODUCT_CATEGORIES = [
  { code: "domain", maxRenewalYears: 10, sortOrder: 1 },
  { code: "hosting", maxRenewalYears: 1, sortOrder: 2 },
  { code: "mail", maxRenewalYears: 1, sortOrder: 3 },
  { code: "drive", maxRenewalYears: 1, sortOrder: 4 },
  { code: "chat", maxRenewalYears: 1, sortOrder: 5 },
  { code: "newsletter", maxRenewalYears: 1, sortOrder: 6 },
] as const;

export type CategoryCode = (typeof PRODUCT_CATEGORIES)[number]["code"];
export type Categories = Record<CategoryCode, ProductCategory>;

/**
 * Idempotent, and safe when parallel tests race on the same codes: ON CONFLICT DO NOTHING never
 * fails, where concurrent upserts can hit the unique index.
 */
export async function createProductCategories(db: DbOrTx): Promise<Categories> {
  await db.productCategory.createMany({ data: [...PRODUCT_CATEGORIES], skipDuplicates: true });
  const rows = await db.productCategory.findMany({ where: { code: { in: PRODUCT_CATEGORIES.map((c) => c.code) } } });
  return Object.fromEntries(rows.map((row) => [row.code, row])) as Categories;
}

export type ProductInput = Partial<Omit<Prisma.ProductCreateManyInput, "categoryId">> & {
  orgId: string;
  category?: CategoryCode;
};

/** Several products in one INSERT, returned in input order. */
export async function createProducts(db: DbOrTx, inputs: ProductInput[]): Promise<Product[]> {
  const categories = await createProductCategories(db);
  const data = inputs.map((input) => productData(input, categories));
  // Postgres returns the rows of a multi-row INSERT … RETURNING in VALUES order.
  return db.product.createManyAndReturn({ data });
}

export async function createProduct(db: DbOrTx, input: ProductInput): Promise<Product> {
  const [product] = await createProducts(db, [input]);
  return product;
}

function productData({ category = "domain", ...overrides }: ProductInput, categories: Categories) {
  const key = unique("product");
  return {
    name: `${key}.example`,
    holderName: `Holder ${key}`,
    expiresAt: new Date(now().getTime() + 365 * DAY),
    priceMinor: 1500,
    currency: "CHF" as const,
    ...overrides,
    categoryId: categories[category].id,
  };
}
