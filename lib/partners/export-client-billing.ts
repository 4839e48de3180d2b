import { createTranslator } from "use-intl/core";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { can, partnerPermissions } from "@/lib/access/permissions";
import { spreadsheetCsv } from "@/lib/csv/spreadsheet-csv";
import type { Db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { requirePartnerMember } from "./partner-of";

export const BILLING_HISTORIES = ["invoices", "orders", "payments"] as const;
export type BillingHistory = (typeof BILLING_HISTORIES)[number];

const day = z.iso.date({ error: "validation.invalid" });

/** The fields, before the rules across them (the route's query declares these). */
export const exportClientBillingFields = z.object({
    partnerId: z.string().trim().min(1).max(40),
    history: z.enum(BILLING_HISTORIES, { error: "validation.invalid" }),
    from: day,
    to: day,
    // "all": every client the person manages (the "Download" button); "selected": the ticked ones (the bar).
    scope: z.enum(["all", "selected"]).default("all"),
    // The ticked clients (partnership ids).
    client: z
      .union([z.string().max(40), z.array(z.string().max(40)).max(1000)])
      .optional()
      .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].filter(Boolean))),
});

export const exportClientBillingSchema = exportClientBillingFields
  .refine((v) => v.from <= v.to, { path: ["to"], message: "resellerDownload.errors.periodOrder" })
  .refine((v) => v.scope === "all" || v.client.length > 0, { path: ["client"], message: "resellerDownload.errors.noneTicked" })
  .transform((v) => ({ ...v, client: v.scope === "all" ? [] : v.client }));
export type ExportClientBillingInput = z.input<typeof exportClientBillingSchema>;

/** Clients read per statement. */
export const CLIENT_BATCH = 100;
/** Billing rows read per statement: what the export holds in memory at most, whatever the number of clients. */
export const ROW_BATCH = 500;

export type BillingRow = {
  client: string;
  document: string;
  date: Date;
  status: string;
  currency: string;
  description: string | null;
  productId: string | null;
  amountMinor: number;
};

type ClientBatch = { orgNames: Map<string, string>; readableOrgIds: string[] };

/**
 * PRT-8: the billing history of the partner's clients under management as rows, batch by batch: the
 * clients `CLIENT_BATCH` at a time by keyset, and each batch's rows `ROW_BATCH` at a time by keyset, so
 * 1,000 clients and their years of invoices never sit in memory together.
 *
 * What a partner may export is what it may read in the client through the console and the API (PRT-3,
 * PRT-5, PRT-9) — the same row of the permission table (`partnerPermissions`), not a second decision:
 * - only active partnerships, and only those this person manages: every one for a role holding
 *   "clients.manageAll", the assigned ones otherwise; ticked clients of another partner count for nothing;
 * - a client's invoices, orders and payments only where the partner's row holds "billing.read": FULL access
 *   while the partner pays. A client that pays itself (FULL access with the client paying, or LIMITED
 *   access) keeps its billing history to itself — "paying does not confer ownership", and the one who does
 *   not pay reads no bill — so it gives no row.
 * Invoices and order lines are one row per line (document, date, status, line, product, amount), payments
 * one row per payment. The period is whole days, `from` and `to` included (UTC).
 */
export async function* exportClientBilling(db: Db, actor: Actor, raw: ExportClientBillingInput): AsyncGenerator<BillingRow[]> {
  // The partner first: another partner's id is NOT_FOUND whatever else the request says.
  const { partner, access } = await requirePartnerMember(db, actor, exportClientBillingFields.shape.partnerId.parse(raw.partnerId), "clients.read");
  const input = exportClientBillingSchema.parse(raw);
  const seesAll = can(access.role, "clients.manageAll");
  const start = new Date(`${input.from}T00:00:00.000Z`);
  const end = new Date(new Date(`${input.to}T00:00:00.000Z`).getTime() + 86_400_000);

  let afterClient: string | undefined;
  for (;;) {
    const partnerships = await db.partnership.findMany({
      where: {
        partnerId: partner.id,
        status: "ACTIVE",
        ...(input.client.length > 0 ? { id: { in: input.client } } : {}),
        ...(seesAll ? {} : { managers: { some: { membershipId: access.membershipId } } }),
        ...(afterClient ? { id: { gt: afterClient, ...(input.client.length > 0 ? { in: input.client } : {}) } } : {}),
      },
      orderBy: { id: "asc" },
      take: CLIENT_BATCH,
      select: { id: true, access: true, payer: true, clientOrgId: true, client: { select: { name: true } } },
    });
    if (partnerships.length === 0) return;
    afterClient = partnerships[partnerships.length - 1].id;
    const batch: ClientBatch = {
      orgNames: new Map(partnerships.map((p) => [p.clientOrgId, p.client.name])),
      // PRT-5: the rule requireAccess applies to the partner's user in each client, for "billing.read".
      readableOrgIds: partnerships.filter((p) => partnerPermissions(p.access, p.payer).has("billing.read")).map((p) => p.clientOrgId),
    };
    yield* rowsOf(db, input.history, batch, start, end);
    if (partnerships.length < CLIENT_BATCH) return;
  }
}

async function* rowsOf(db: Db, history: BillingHistory, batch: ClientBatch, start: Date, end: Date): AsyncGenerator<BillingRow[]> {
  let after: string | undefined;
  const name = (orgId: string) => batch.orgNames.get(orgId) ?? "";
  for (;;) {
    let rows: BillingRow[];
    let lastId: string | undefined;
    if (batch.readableOrgIds.length === 0) return;
    const orgId = { in: batch.readableOrgIds };
    if (history === "invoices") {
      const lines = await db.invoiceLine.findMany({
        where: { invoice: { orgId, issuedAt: { gte: start, lt: end } }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: ROW_BATCH,
        select: { id: true, description: true, productId: true, amountMinor: true, invoice: { select: { orgId: true, number: true, issuedAt: true, status: true, currency: true } } },
      });
      lastId = lines.at(-1)?.id;
      rows = lines.map((l) => ({ client: name(l.invoice.orgId), document: l.invoice.number, date: l.invoice.issuedAt, status: l.invoice.status, currency: l.invoice.currency, description: l.description, productId: l.productId, amountMinor: l.amountMinor }));
    } else if (history === "orders") {
      const lines = await db.orderLine.findMany({
        where: { order: { orgId, createdAt: { gte: start, lt: end } }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: ROW_BATCH,
        select: { id: true, description: true, productId: true, amountMinor: true, order: { select: { orgId: true, number: true, createdAt: true, status: true, currency: true } } },
      });
      lastId = lines.at(-1)?.id;
      rows = lines.map((l) => ({ client: name(l.order.orgId), document: l.order.number, date: l.order.createdAt, status: l.order.status, currency: l.order.currency, description: l.description, productId: l.productId, amountMinor: l.amountMinor }));
    } else {
      const payments = await db.payment.findMany({
        where: { orgId, createdAt: { gte: start, lt: end }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: ROW_BATCH,
        select: { id: true, orgId: true, createdAt: true, status: true, currency: true, methodType: true, amountMinor: true, invoice: { select: { number: true } } },
      });
      lastId = payments.at(-1)?.id;
      rows = payments.map((p) => ({ client: name(p.orgId), document: p.invoice?.number ?? "", date: p.createdAt, status: p.status, currency: p.currency, description: p.methodType, productId: null, amountMinor: p.amountMinor }));
    }
    if (rows.length > 0) yield rows;
    if (rows.length < ROW_BATCH || !lastId) return;
    after = lastId;
  }
}

/** Minor units as a decimal number a spreadsheet computes with ("1234.50"). */
function decimal(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The CSV in the reader's language: dates ISO (YYYY-MM-DD), amounts decimal numbers, statuses translated. */
export function clientBillingCsv(history: BillingHistory) {
  return async (batches: AsyncIterable<BillingRow[]>, locale: AppLocale): Promise<ReadableStream<Uint8Array>> => {
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "resellerDownload" });
    const c = (k: string) => t(`columns.${k}` as "columns.client");
    const header = [c("client"), c(history === "payments" ? "invoice" : history === "orders" ? "order" : "invoice"), c("date"), c("status"), c(history === "payments" ? "method" : "description"), c("product"), c("currency"), c("amount")];
    return spreadsheetCsv(header, batches, (r) => [r.client, r.document, r.date.toISOString().slice(0, 10), t.has(`statuses.${r.status}` as "statuses.PAID") ? t(`statuses.${r.status}` as "statuses.PAID") : r.status, r.description, r.productId, r.currency, decimal(r.amountMinor)]);
  };
}
