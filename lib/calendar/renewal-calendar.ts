import ical from "ical-generator";
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import type { UserActor } from "@/lib/access/actor";
import { requireAccess, type OrgAccess } from "@/lib/access/require-access";
import { DAY, now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { hashSecret } from "@/lib/security/tokens";
import { secretOfFeedSegment } from "./feed-link";

/** Expiries shown: from a month ago (a product just expired still needs renewing) onwards, at most this many. */
export const FEED_PAST_DAYS = 30;
export const FEED_MAX_EVENTS = 2000;

const secretSchema = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/);

/** The expiry's calendar day where the person lives (an expiry at midnight in Zurich is that day, not the day before in UTC). */
function dayIn(timeZone: string, at: Date): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/**
 * The Organizations where the person may act: their memberships and the clients of partners they belong
 * to. requireAccess then decides for each, as for every console page (an ended partnership lets nobody in).
 */
async function candidateOrgIds(db: Db, userId: string): Promise<string[]> {
  const [memberships, partnerships] = await Promise.all([
    db.membership.findMany({ where: { userId }, select: { orgId: true } }),
    db.partnership.findMany({ where: { status: "ACTIVE", partner: { organization: { memberships: { some: { userId } } } } }, select: { clientOrgId: true } }),
  ]);
  return [...new Set([...memberships.map((m) => m.orgId), ...partnerships.map((p) => p.clientOrgId)])];
}

async function accessOrNull(db: Db, actor: UserActor, orgId: string): Promise<OrgAccess | null> {
  try {
    return await requireAccess(db, actor, orgId, "products.read");
  } catch (err) {
    if (err instanceof AppError && (err.code === "FORBIDDEN" || err.code === "NOT_FOUND")) return null;
    throw err;
  }
}

/**
 * The renewal calendar (RFC 5545) behind a feed's secret URL, read by calendar apps without a session: one
 * all-day event per product expiry the person sees (PRD-3: `visibleProductsWhere` in every Organization
 * where they may read products — memberships and partner clients alike), terminated products left out.
 * The UID is the product and its expiry day, so a calendar updates an event in place until the product is
 * renewed (then a new expiry is a new event). An unknown or revoked secret, or a blocked person: NOT_FOUND.
 */
export async function renewalCalendar(db: Db, segment: string): Promise<string> {
  const parsed = secretSchema.safeParse(secretOfFeedSegment(segment));
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashSecret(parsed.data) },
    select: { id: true, user: { select: { id: true, locale: true, timeZone: true, blockedAt: true } } },
  });
  if (!feed || feed.user.blockedAt) throw new AppError("NOT_FOUND");
  const { user } = feed;
  // The feed acts as its person, never as staff.
  const actor: UserActor = { kind: "user", userId: user.id, sessionId: `calendar-feed:${feed.id}`, staffRole: null };
  const at = now();

  const accesses = (await Promise.all((await candidateOrgIds(db, user.id)).map((orgId) => accessOrNull(db, actor, orgId)))).filter((a): a is OrgAccess => !!a);
  const products = accesses.length
    ? await db.product.findMany({
        where: { AND: [{ OR: accesses.map(visibleProductsWhere) }, { status: { not: "TERMINATED" } }, { expiresAt: { gte: new Date(at.getTime() - FEED_PAST_DAYS * DAY) } }] },
        orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
        take: FEED_MAX_EVENTS,
        select: { id: true, orgId: true, name: true, expiresAt: true, autoRenew: true, organization: { select: { name: true } } },
      })
    : [];

  const locale = isLocale(user.locale) ? user.locale : "en";
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "calendarFeed" });
  const host = new URL(config.appUrl).hostname;
  const calendar = ical({
    name: t("calendarName", { provider: config.providerName }),
    prodId: { company: config.providerName, product: "Manager renewals", language: locale.toUpperCase() },
    ttl: 6 * 60 * 60,
  });
  for (const p of products) {
    const day = dayIn(user.timeZone, p.expiresAt);
    calendar.createEvent({
      id: `renewal-${p.id}-${day.replaceAll("-", "")}@${host}`,
      start: day,
      allDay: true,
      stamp: at,
      summary: t("eventSummary", { product: p.name }),
      description: t("eventDescription", { organization: p.organization.name, autoRenew: p.autoRenew ? "on" : "off" }),
      url: `${config.appUrl}/${p.orgId}/products/${p.id}`,
    });
  }
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastReadAt: at } });
  // RFC 5545 ends every content line, the last one included, with CRLF.
  return `${calendar.toString()}\r\n`;
}
