import PDFDocument from "pdfkit";
import { createTranslator } from "use-intl/core";
import { config } from "@/lib/config";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { SUB_PROCESSORS } from "./sub-processors";

/** The PDF's built-in Helvetica speaks Windows-1252: narrow no-break spaces become ordinary no-break ones. */
const pdfText = (s: string) => s.replace(/[\u202f\u2009]/g, "\u00a0");

export type DpaParties = {
  organization: { name: string; street: string | null; postalCode: string | null; city: string | null; country: string; vatNumber: string | null };
  signatory: { name: string; email: string };
  date: Date;
};

/**
 * GDP-1: the personalised data-processing agreement, in the signatory's language: the customer
 * (controller) with its address and VAT number, the provider (processor), the signatory and the date,
 * the processor's commitments, its sub-processors and the applicable law (Swiss FADP and the GDPR).
 * Content streams stay uncompressed, as for invoices: the text stays searchable.
 */
export async function renderDpaPdf(parties: DpaParties, locale: AppLocale): Promise<Buffer> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "dpa" });
  const provider = config.providerName;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(parties.date);
  const country = new Intl.DisplayNames([locale], { type: "region" });
  const o = parties.organization;
  const doc = new PDFDocument({ size: "A4", margin: 50, compress: false, info: { Title: t("pdf.title"), Author: provider } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const heading = (text: string) => doc.moveDown().font("Helvetica-Bold").fontSize(11).text(pdfText(text)).font("Helvetica").fontSize(10);
  const para = (text: string) => doc.text(pdfText(text), { align: "left" });

  doc.font("Helvetica-Bold").fontSize(16).text(pdfText(t("pdf.title")));
  doc.font("Helvetica").fontSize(10).moveDown(0.5);
  para(t("pdf.intro", { provider }));

  heading(t("pdf.controller"));
  para([o.name, o.street, [o.postalCode, o.city].filter(Boolean).join(" "), country.of(o.country) ?? o.country].filter(Boolean).join("\n"));
  para(t("pdf.vatLine", { vat: o.vatNumber ?? t("pdf.none") }));

  heading(t("pdf.processor"));
  para(provider);

  heading(t("pdf.subjectTitle"));
  para(t("pdf.subject", { provider }));

  heading(t("pdf.commitmentsTitle"));
  for (const key of ["switzerland", "security", "breach", "subProcessors", "isolation", "deletion"] as const) para(`• ${t(`pdf.commitments.${key}`)}`);

  heading(t("pdf.subProcessorsTitle"));
  for (const s of SUB_PROCESSORS) para(`• ${t("pdf.subProcessorLine", { name: s.name, country: country.of(s.country) ?? s.country, purpose: t(`purposes.${s.purpose}`) })}`);

  heading(t("pdf.lawTitle"));
  para(t("pdf.law"));

  heading(t("pdf.signatureTitle"));
  para(t("pdf.signatoryLine", { name: parties.signatory.name, email: parties.signatory.email }));
  para(t("pdf.dateLine", { date }));
  doc.end();
  return done;
}
