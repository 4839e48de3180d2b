import PDFDocument from "pdfkit";
import { createTranslator } from "use-intl/core";
import { config } from "@/lib/config";
import { formatMoney } from "@/lib/format/money";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import type { InvoiceDetails } from "./get-invoice";

type Snapshot = { name?: string; street?: string | null; postalCode?: string | null; city?: string | null; country?: string };

/** The PDF's built-in Helvetica speaks Windows-1252: a narrow no-break space (Intl's CHF format) becomes a plain one. */
const pdfText = (s: string) => s.replace(/[\u202f\u2009]/g, "\u00a0");

export type PdfExtras = (doc: PDFKit.PDFDocument) => void;

/**
 * BIL-7: an invoice as a PDF (pdfkit, see README "Libraries chosen"), in the reader's language: number,
 * dates, billing address and VAT number as issued (VAT-3), lines, subtotal, VAT or the reverse-charge
 * mention, total in the invoice's currency. `extras` draws more on the last page (the Swiss QR-bill of a
 * pro-forma). Content streams are left uncompressed: a few kilobytes, and the text stays searchable.
 */
export async function renderInvoicePdf(invoice: InvoiceDetails, locale: AppLocale, extras?: PdfExtras): Promise<Buffer> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "billing" });
  const money = (minor: number) => pdfText(formatMoney(minor, invoice.currency, locale));
  const date = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(d);
  const doc = new PDFDocument({ size: "A4", margin: 50, compress: false, info: { Title: `${invoice.number}`, Author: config.providerName } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(16).text(pdfText(config.providerName));
  doc.moveDown(0.5).fontSize(14).text(pdfText(invoice.kind === "PROFORMA" ? t("proformaTitle", { number: invoice.number }) : t("invoiceTitle", { number: invoice.number })));
  doc.font("Helvetica").fontSize(10).moveDown(0.5);
  doc.text(pdfText(`${t("columns.issued")}: ${date(invoice.issuedAt)}    ${t("columns.due")}: ${date(invoice.dueAt)}    ${t("columns.status")}: ${t(`statuses.${invoice.overdue ? "OVERDUE" : invoice.status}`)}`));
  doc.moveDown();
  const a = invoice.billingSnapshot as Snapshot;
  doc.font("Helvetica-Bold").text(pdfText(t("billedTo")));
  doc.font("Helvetica").text(pdfText([a.name, a.street, [a.postalCode, a.city].filter(Boolean).join(" "), a.country].filter(Boolean).join("\n")));
  doc.text(pdfText(`${t("vatNumber")}: ${invoice.vatNumber ?? t("none")}`));
  doc.moveDown();

  const cols = [50, 300, 390, 440];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica");
    doc.text(pdfText(cells[0]!), cols[0], y, { width: 240 });
    const end = doc.y;
    doc.text(pdfText(cells[1]!), cols[1], y, { width: 80 });
    doc.text(pdfText(cells[2]!), cols[2], y, { width: 40, align: "right" });
    doc.text(pdfText(cells[3]!), cols[3], y, { width: 105, align: "right" });
    doc.x = 50;
    doc.y = Math.max(end, doc.y) + 4;
  };
  row([t("columns.description"), t("columns.period"), t("columns.quantity"), t("columns.amount")], true);
  for (const l of invoice.lines) row([l.description, l.periodMonths ? t("months", { count: l.periodMonths }) : "", String(l.quantity), money(l.amountMinor)]);
  doc.moveDown();
  const rate = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(invoice.vatRateBp / 10_000);
  row([t("subtotal"), "", "", money(invoice.subtotalMinor)]);
  row([invoice.reverseCharge ? t("reverseCharge") : t("vat", { rate }), "", "", money(invoice.vatMinor)]);
  row([t("total"), "", "", money(invoice.totalMinor)], true);
  if (invoice.reverseCharge) doc.moveDown().font("Helvetica").text(pdfText(t("reverseChargeNote")), 50);
  extras?.(doc);
  doc.end();
  return done;
}
