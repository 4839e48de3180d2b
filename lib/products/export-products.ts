import { createTranslator } from "use-intl/core";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { spreadsheetCsv } from "@/lib/csv/spreadsheet-csv";
import type { Db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { listProducts, type ListProductsInput, type ProductListItem } from "./list-products";

/** Rows read per statement: the list's largest page, so the export is the same query the list runs. */
const BATCH = 100;

export type ExportProductsInput = Omit<ListProductsInput, "after" | "before" | "perPage">;

/**
 * PRD-1/PRD-3: the products of the list's current view — same visibility, filters and sort — page after
 * page through the list's own keyset, so exporting 100,000 products holds one page in memory. Access is
 * checked once up front (a refusal throws before anything is sent) and again by every page read.
 */
export async function* exportProducts(db: Db, actor: Actor, input: ExportProductsInput): AsyncGenerator<ProductListItem[]> {
  const access = await requireAccess(db, actor, input.orgId, "products.read");
  // The membership just read serves every page of this export (see Actor.memberships).
  const reader: Actor =
    actor.kind === "user" && access.via === "membership" ? { ...actor, memberships: new Map([[access.orgId, { id: access.membershipId, role: access.role }]]) } : actor;
  let after: string | undefined;
  do {
    const page = await listProducts(db, reader, { ...input, after, before: undefined, perPage: BATCH });
    if (page.items.length > 0) yield page.items;
    after = page.nextCursor ?? undefined;
  } while (after);
}

/**
 * The CSV of an export in the reader's language: a header row, then one row per product. Dates are ISO
 * (YYYY-MM-DD) and the renewal period a number of months, so spreadsheets sort and compute them; labels
 * (category, status, yes/no) are translated; tags are one cell, separated by "; ".
 */
export async function productsCsv(items: AsyncIterable<ProductListItem[]>, locale: AppLocale): Promise<ReadableStream<Uint8Array>> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  const header = ["ID", t("products.columns.name"), t("products.columns.category"), t("products.columns.status"), t("products.columns.expiry"), t("products.columns.renewalMonths"), t("products.columns.autoRenew"), t("products.columns.tags")];
  return spreadsheetCsv(header, items, (p) => [
    p.id,
    p.name,
    t(`categories.${p.category}` as "categories.domain"),
    t(`products.status.${p.status}`),
    p.expiresAt.toISOString().slice(0, 10),
    p.renewalPeriodMonths,
    p.autoRenew ? t("products.yes") : t("products.no"),
    p.tags.map((tag) => tag.name).join("; "),
  ]);
}
