import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/** BIL-7: the period presets of the invoice list; "custom" takes the from / to dates. */
export const INVOICE_PERIODS = ["thisYear", "lastYear", "last12Months", "custom"] as const;
export type InvoicePeriod = (typeof INVOICE_PERIODS)[number];

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A calendar day `YYYY-MM-DD` that exists, between 2000 and 2100. */
export const dayParam = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid")
    .refine((v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return true; // the regex has said it
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "2000-01-01" && v <= "2100-12-31";
    }, "validation.invalid")
    .optional(),
);

export const invoiceFilterFields = {
  period: z.preprocess(blank, z.enum(INVOICE_PERIODS, { message: "validation.invalid" }).optional()),
  from: dayParam,
  to: dayParam,
  /** An invoice number, an amount ("48.65", "CHF 1'234.50", "48,65") or an order number. */
  q: z.preprocess(blank, z.string().trim().max(100, "validation.tooLong").optional()),
};

/** The checks across fields: a custom period needs a date, and does not end before it starts. */
export function checkPeriod(v: { period?: InvoicePeriod; from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (v.period === "custom" && !v.from && !v.to) ctx.addIssue({ code: "custom", path: ["from"], message: "invoiceFilters.errors.customNeedsDate" });
  if ((v.period === undefined || v.period === "custom") && v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "invoiceFilters.errors.endBeforeStart" });
}

const DAY_MS = 86_400_000;
const utcDay = (v: string) => new Date(`${v}T00:00:00Z`);

/**
 * The issue dates a period covers, in UTC days, `to` included: a preset counts from `at` (this year, last
 * year, the last 12 months up to today); without a preset, or with "custom", the from / to dates.
 */
export function periodRange(v: { period?: InvoicePeriod; from?: string; to?: string }, at: Date): { gte?: Date; lt?: Date } {
  const year = at.getUTCFullYear();
  switch (v.period) {
    case "thisYear":
      return { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };
    case "lastYear":
      return { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year, 0, 1)) };
    case "last12Months": {
      const today = Date.UTC(year, at.getUTCMonth(), at.getUTCDate());
      return { gte: new Date(Date.UTC(year - 1, at.getUTCMonth(), at.getUTCDate())), lt: new Date(today + DAY_MS) };
    }
    default:
      return { ...(v.from ? { gte: utcDay(v.from) } : {}), ...(v.to ? { lt: new Date(utcDay(v.to).getTime() + DAY_MS) } : {}) };
  }
}

const MAX_INT = 2_147_483_647;

/** An amount typed in the search box, in minor units ("48.65", "48,65", "CHF 1'234.50", "1.234,50", "48"); null when it is not one. */
export function searchedAmountMinor(q: string): number | null {
  let s = q.replace(/chf|eur|€/gi, "").replace(/['’\s\u00a0]/g, "");
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastSep = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  // The last separator followed by one or two digits is the decimal one; any other separates thousands.
  if (lastSep >= 0 && s.length - lastSep - 1 <= 2) s = `${s.slice(0, lastSep).replace(/[.,]/g, "")}.${s.slice(lastSep + 1)}`;
  else s = s.replace(/[.,]/g, "");
  const minor = Math.round(Number(s) * 100);
  return Number.isSafeInteger(minor) && minor <= MAX_INT ? minor : null;
}

const like = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The search: part of the invoice's number or of its order's number, or exactly its total. */
export function invoiceSearchWhere(q: string): Prisma.InvoiceWhereInput {
  const amount = searchedAmountMinor(q);
  return {
    OR: [
      { number: { contains: like(q), mode: "insensitive" } },
      { order: { number: { contains: like(q), mode: "insensitive" } } },
      ...(amount !== null ? [{ totalMinor: amount }] : []),
    ],
  };
}
