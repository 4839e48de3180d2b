import { rolesWith } from "@/lib/access/permissions";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/send-email";
import { excerpt, openTenderWhere } from "./rules";

/** The partners a call is announced to (TND-2): approved and opted in. */
export function announcedPartnersWhere() {
  return { approvedAt: { not: null }, tendersOptIn: true };
}

/**
 * TND-2, the `tender-extracts` job: each open call not yet announced is claimed once (so two runs never
 * mail it twice), then every approved partner that opted in is mailed an extract — title, a shortened
 * description, budget and validity, never the submitter's contact details — in the recipient's language,
 * through the outbox. The full call is in the reseller area only.
 */
export async function announceTenders(db: Db): Promise<{ announced: number; mailed: number }> {
  const pending = await db.tender.findMany({ where: { announcedAt: null, ...openTenderWhere() }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 100 });
  let announced = 0;
  let mailed = 0;
  for (const { id } of pending) {
    const claimed = await db.tender.updateMany({ where: { id, announcedAt: null, ...openTenderWhere() }, data: { announcedAt: now() } });
    if (claimed.count !== 1) continue;
    announced++;
    const tender = await db.tender.findUniqueOrThrow({ where: { id }, select: { id: true, title: true, description: true, budget: true, validUntil: true } });
    for (const partner of await recipients(db)) {
      await sendEmail(db, {
        to: partner.to,
        template: "tenderExtract",
        params: {
          title: tender.title,
          excerpt: excerpt(tender.description),
          budget: tender.budget,
          validUntil: tender.validUntil,
          url: `${config.appUrl}/reseller/tenders/${tender.id}`,
        },
        locale: partner.locale,
      });
      mailed++;
    }
  }
  return { announced, mailed };
}

/**
 * Each announced partner's contact address, in the language of the account with that address, else of a
 * member of the partner's Organization who may answer calls, else English.
 */
async function recipients(db: Db): Promise<{ to: string; locale: Locale }[]> {
  const partners = await db.partner.findMany({
    where: announcedPartnersWhere(),
    select: {
      contactEmail: true,
      organization: {
        select: { memberships: { where: { role: { in: rolesWith("tenders.answer") } }, orderBy: { role: "asc" }, take: 1, select: { user: { select: { locale: true } } } } },
      },
    },
    orderBy: { id: "asc" },
  });
  const accounts = await db.user.findMany({ where: { email: { in: partners.map((p) => p.contactEmail.toLowerCase()) } }, select: { email: true, locale: true } });
  const localeOf = new Map(accounts.map((a) => [a.email, a.locale]));
  return partners.map((p) => ({
    to: p.contactEmail,
    locale: localeOf.get(p.contactEmail.toLowerCase()) ?? p.organization.memberships[0]?.user.locale ?? "en",
  }));
}
