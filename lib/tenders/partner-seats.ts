import type { Actor } from "@/lib/access/actor";
import { hasAccess } from "@/lib/access/require-access";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announcedPartnersWhere } from "./announce-tenders";

export type TenderSeat = { partnerId: string; orgId: string; displayName: string };

/**
 * TND-2, TND-3: the partners through which this person reads and answers calls for tenders — approved
 * partners that opted in, whose Organization the person belongs to with a role holding "tenders.answer"
 * (asked through requireAccess, so the role table decides). Nobody else has a way in: NOT_FOUND, so the
 * reseller's tender pages do not exist for them.
 */
export async function tenderSeats(tx: Tx, actor: Actor): Promise<TenderSeat[]> {
  if (actor.kind !== "user") throw new AppError("NOT_FOUND");
  const partners = await tx.partner.findMany({
    where: { ...announcedPartnersWhere(), organization: { memberships: { some: { userId: actor.userId } } } },
    select: { id: true, orgId: true, displayName: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  const seats: TenderSeat[] = [];
  for (const p of partners) {
    if (await hasAccess(tx, actor, p.orgId, "tenders.answer")) seats.push({ partnerId: p.id, orgId: p.orgId, displayName: p.displayName });
  }
  if (seats.length === 0) throw new AppError("NOT_FOUND");
  return seats;
}

/** Whether the person reads calls for tenders through some partner (for showing the reseller area's link). */
export async function mayAnswerTenders(db: Db, actor: Actor): Promise<boolean> {
  return db.$transaction((tx) => tenderSeats(tx, actor)).then(
    () => true,
    (err: unknown) => {
      if (err instanceof AppError && err.code === "NOT_FOUND") return false;
      throw err;
    },
  );
}
