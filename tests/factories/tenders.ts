import type { Proposal, Tender } from "@/lib/generated/prisma/client";
import type { Currency, Locale } from "@/lib/generated/prisma/enums";
import { DAY, now } from "../../lib/clock";
import { hashSecret, randomSecret } from "../../lib/security/tokens";
import { unique, type DbOrTx } from "./unique";

export type TenderInput = Partial<{
  title: string;
  description: string;
  budget: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  locale: Locale;
  /** Days from now until the call ends (TND-2). */
  validDays: number;
  /** Already mailed to the partners (TND-2): the extract job leaves it alone. */
  announced: boolean;
  createdAt: Date;
}>;

/** An open call for tenders (TND-1) and the secrets of the submitter's view and cancel links. */
export async function createTender(db: DbOrTx, input: TenderInput = {}): Promise<{ tender: Tender; viewSecret: string; cancelSecret: string }> {
  const key = unique("tender");
  const viewSecret = randomSecret();
  const cancelSecret = randomSecret();
  const at = input.createdAt ?? now();
  const tender = await db.tender.create({
    data: {
      title: input.title ?? `Call ${key}`,
      description: input.description ?? "We are looking for a partner to build and host our new website with a shop.",
      budget: input.budget === undefined ? "CHF 5'000" : input.budget,
      contactName: input.contactName ?? "Carla Submitter",
      contactEmail: input.contactEmail ?? `${key}@example.test`,
      contactPhone: input.contactPhone === undefined ? "+41 21 000 00 00" : input.contactPhone,
      locale: input.locale ?? "en",
      viewTokenHash: hashSecret(viewSecret),
      cancelTokenHash: hashSecret(cancelSecret),
      validUntil: new Date(at.getTime() + (input.validDays ?? 30) * DAY),
      announcedAt: input.announced === false ? null : at,
      createdAt: at,
    },
  });
  return { tender, viewSecret, cancelSecret };
}

/** A partner's proposal on a call (TND-3). */
export function createProposal(db: DbOrTx, input: { tenderId: string; partnerId: string; message?: string; priceMinor?: number | null; currency?: Currency | null }): Promise<Proposal> {
  return db.proposal.create({
    data: {
      tenderId: input.tenderId,
      partnerId: input.partnerId,
      message: input.message ?? "We would be glad to help: a shop on our hosting, ready in six weeks.",
      priceMinor: input.priceMinor === undefined ? 450_000 : input.priceMinor,
      currency: input.currency === undefined ? "CHF" : input.currency,
      createdAt: now(),
    },
  });
}
