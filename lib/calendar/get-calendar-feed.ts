import type { Actor } from "@/lib/access/actor";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Whether the person has a renewal calendar feed, since when and when a calendar last read it (never its URL). */
export async function getCalendarFeed(db: Db, actor: Actor) {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN");
  return db.calendarFeed.findUnique({ where: { userId: actor.userId }, select: { createdAt: true, lastReadAt: true } });
}
