import { config } from "@/lib/config";

/** The path of a renewal calendar feed: the secret is the whole credential (no session is needed to read it). */
export function calendarFeedPath(secret: string): string {
  return `/feeds/renewals/${secret}.ics`;
}

export function calendarFeedUrl(secret: string): string {
  return `${config.appUrl}${calendarFeedPath(secret)}`;
}

/** The secret of a feed path's last segment (calendar apps like the `.ics` ending; it is optional). */
export function secretOfFeedSegment(segment: string): string {
  return segment.endsWith(".ics") ? segment.slice(0, -4) : segment;
}
