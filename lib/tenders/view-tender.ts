import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/tokens";

/**
 * TND-3: what the holder of the submitter's link sees — the call, its state, and every proposal with the
 * partner's contact details. An unknown secret is NOT_FOUND.
 */
export async function viewTenderByLink(db: Db, secret: string) {
  if (!secret || secret.length > 100) throw new AppError("NOT_FOUND");
  const tender = await db.tender.findUnique({
    where: { viewTokenHash: hashSecret(secret) },
    select: {
      id: true,
      title: true,
      description: true,
      budget: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      validUntil: true,
      cancelledAt: true,
      createdAt: true,
      proposals: {
        select: {
          id: true,
          message: true,
          priceMinor: true,
          currency: true,
          createdAt: true,
          updatedAt: true,
          partner: { select: { displayName: true, contactEmail: true, website: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!tender) throw new AppError("NOT_FOUND");
  const status = tender.cancelledAt ? "cancelled" : tender.validUntil <= now() ? "expired" : "open";
  return { ...tender, status } as const;
}
