import type { Actor } from "@/lib/access/actor";
import type { Db } from "@/lib/db";
import { tenderSeats } from "./partner-seats";
import { excerpt, openTenderWhere } from "./rules";

/**
 * TND-2: the open calls for tenders (not cancelled, still valid), newest first, for a member of an
 * approved, opted-in partner; whether one of the person's partners already answered each.
 */
export async function listOpenTenders(db: Db, actor: Actor) {
  return db.$transaction(async (tx) => {
    const seats = await tenderSeats(tx, actor);
    const tenders = await tx.tender.findMany({
      where: openTenderWhere(),
      select: {
        id: true,
        title: true,
        description: true,
        budget: true,
        validUntil: true,
        createdAt: true,
        proposals: { where: { partnerId: { in: seats.map((s) => s.partnerId) } }, select: { id: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 200,
    });
    return {
      seats,
      tenders: tenders.map(({ proposals, description, ...t }) => ({ ...t, excerpt: excerpt(description, 160), answered: proposals.length > 0 })),
    };
  });
}
