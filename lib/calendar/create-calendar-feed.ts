import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { calendarFeedUrl } from "./feed-link";

/**
 * The person's renewal calendar (ICS) feed: a new secret URL, shown this once — only its SHA-256 is kept.
 * A person has one feed: generating it again replaces the secret, so the previous URL stops working.
 * Only the signed-in person manages their own feed (not an API token).
 */
export async function createCalendarFeed(db: Db, actor: Actor): Promise<{ url: string; createdAt: Date }> {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN");
  const secret = randomSecret();
  const at = now();
  return db.$transaction(async (tx) => {
    const previous = await tx.calendarFeed.findUnique({ where: { userId: actor.userId }, select: { id: true } });
    await tx.calendarFeed.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, tokenHash: hashSecret(secret), createdAt: at },
      update: { tokenHash: hashSecret(secret), createdAt: at, lastReadAt: null },
    });
    await audit(tx, actor, { action: "calendarFeed.created", targetId: actor.userId, metadata: { replaced: !!previous } });
    return { url: calendarFeedUrl(secret), createdAt: at };
  });
}
