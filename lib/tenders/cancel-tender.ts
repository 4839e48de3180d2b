import { z } from "zod";
import { linkHolder, type AnonymousActor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/tokens";

export const cancelTenderSchema = z.object({ secret: z.string().min(1).max(100) });

/** TND-4: the call a cancel link names, for its confirmation page; a used or unknown link is NOT_FOUND. */
export async function findTenderToCancel(db: Db, secret: string) {
  if (!secret || secret.length > 100) throw new AppError("NOT_FOUND");
  const tender = await db.tender.findFirst({ where: { cancelTokenHash: hashSecret(secret), cancelledAt: null }, select: { id: true, title: true, validUntil: true } });
  if (!tender) throw new AppError("NOT_FOUND");
  return tender;
}

/**
 * TND-4: cancels the call at once — one conditional update, so the link works once, and from this
 * statement on no partner view (openTenderWhere) shows it and no proposal can be added (saveProposal
 * locks the row and checks again).
 */
export async function cancelTender(db: Db, raw: z.input<typeof cancelTenderSchema>, origin: Pick<AnonymousActor, "ip" | "userAgent"> = {}): Promise<{ title: string }> {
  const { secret } = cancelTenderSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const tender = await tx.tender.findFirst({ where: { cancelTokenHash: hashSecret(secret) }, select: { id: true, title: true } });
    if (!tender) throw new AppError("NOT_FOUND");
    // The row lock first (as saveProposal takes it), then the time: a proposal saved while it held the
    // lock is dated before the cancellation, never after it.
    await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tender.id} FOR UPDATE`;
    const { count } = await tx.tender.updateMany({ where: { id: tender.id, cancelledAt: null }, data: { cancelledAt: now() } });
    if (count !== 1) throw new AppError("NOT_FOUND", "tenders.errors.linkUsed");
    await audit(tx, linkHolder("tenderCancel", tender.id, null, origin), { action: "tender.cancelled", targetId: tender.id });
    return { title: tender.title };
  });
}
