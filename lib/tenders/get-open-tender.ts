import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { tenderSeats } from "./partner-seats";
import { openTenderWhere } from "./rules";

export const tenderIdSchema = z.object({ tenderId: z.string().min(1).max(64) });

/**
 * TND-2: the full call, with the submitter's contact details, for a member of an approved, opted-in
 * partner, and only while it is open: a cancelled or expired call is NOT_FOUND like an unknown one.
 * Each of the person's partners comes with its own proposal, if any (TND-3).
 */
export async function getOpenTender(db: Db, actor: Actor, input: z.input<typeof tenderIdSchema>) {
  // An id that cannot exist is simply not found (a page URL, not a form).
  const parsed = tenderIdSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const { tenderId } = parsed.data;
  return db.$transaction(async (tx) => {
    const seats = await tenderSeats(tx, actor);
    const tender = await tx.tender.findFirst({
      where: { id: tenderId, ...openTenderWhere() },
      select: {
        id: true,
        title: true,
        description: true,
        budget: true,
        contactName: true,
        contactEmail: true,
        contactPhone: true,
        validUntil: true,
        createdAt: true,
        proposals: {
          where: { partnerId: { in: seats.map((s) => s.partnerId) } },
          select: { partnerId: true, message: true, priceMinor: true, currency: true, createdAt: true, updatedAt: true },
        },
      },
    });
    if (!tender) throw new AppError("NOT_FOUND");
    const { proposals, ...call } = tender;
    return { tender: call, seats: seats.map((s) => ({ ...s, proposal: proposals.find((p) => p.partnerId === s.partnerId) ?? null })) };
  });
}
