import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Ends the person's renewal calendar feed at once: its URL answers 404 from now on. */
export async function revokeCalendarFeed(db: Db, actor: Actor): Promise<{ revoked: boolean }> {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: { userId: actor.userId } });
    if (count > 0) await audit(tx, actor, { action: "calendarFeed.revoked", targetId: actor.userId });
    return { revoked: count > 0 };
  });
}
