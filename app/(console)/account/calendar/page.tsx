import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { getCalendarFeed } from "@/lib/calendar/get-calendar-feed";
import { FEED_PAST_DAYS } from "@/lib/calendar/renewal-calendar";
import { getDb } from "@/lib/db";
import { FeedPanel } from "./feed-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calendarFeed"))("title") };
}

/**
 * The person's renewal calendar (ICS feed): one secret URL to subscribe to in a calendar app, with the
 * expiry of every product they see in each of their Organizations. Its URL is shown once; it can be
 * regenerated (the old one stops working) or revoked.
 */
export default async function CalendarFeedPage() {
  const actor = await requireActor();
  const [feed, t, format] = await Promise.all([getCalendarFeed(getDb(), actor), getTranslations("calendarFeed"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <PlainShell actor={actor}>
      <div className="max-w-3xl space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro", { days: FEED_PAST_DAYS })}</p>
        </div>
        <p className="text-sm" data-testid="calendar-feed-state">
          {feed ? t("active", { date: when(feed.createdAt) }) : t("none")}
          {feed ? ` ${feed.lastReadAt ? t("lastRead", { date: when(feed.lastReadAt) }) : t("neverRead")}` : null}
        </p>
        <FeedPanel active={!!feed} />
      </div>
    </PlainShell>
  );
}
