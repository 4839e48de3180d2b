import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format/money";
import { sendEmail } from "@/lib/notifications/send-email";
import { tenderSeats } from "./partner-seats";
import { openTenderWhere } from "./rules";

export const saveProposalSchema = z
  .object({
    tenderId: z.string().min(1).max(64),
    partnerId: z.string().min(1).max(64),
    message: z.string().trim().min(10, "tenders.errors.messageTooShort").max(5000, "validation.tooLong"),
    price: z.string().trim().max(20, "validation.tooLong").optional().default(""),
    currency: z.enum(["CHF", "EUR"], { error: "validation.invalid" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.price && !/^\d{1,7}([.,]\d{1,2})?$/.test(v.price.replace(/['’ ]/g, ""))) ctx.addIssue({ code: "custom", path: ["price"], message: "tenders.errors.price" });
    if (v.price && !v.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: "validation.required" });
  });

export type SaveProposalInput = z.input<typeof saveProposalSchema>;

/** "1'500.50" → 150050 minor units. */
function toMinor(price: string): number {
  const [whole, fraction = ""] = price.replace(/['’ ]/g, "").replace(",", ".").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/**
 * TND-3: a partner answers an open call with a proposal — one per partner and call, which it may change
 * until the call ends. The call's row is locked while checking it is still open, so a proposal never
 * lands on a call cancelled at the same moment. The submitter is mailed the proposal (with the partner's
 * contact details) and decides what follows.
 */
export async function saveProposal(db: Db, actor: Actor, raw: SaveProposalInput): Promise<{ proposalId: string; updated: boolean }> {
  const input = saveProposalSchema.parse(raw);
  const priceMinor = input.price ? toMinor(input.price) : null;
  const result = await db.$transaction(async (tx) => {
    const seat = (await tenderSeats(tx, actor)).find((s) => s.partnerId === input.partnerId);
    if (!seat) throw new AppError("NOT_FOUND");
    await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${input.tenderId} FOR UPDATE`;
    const tender = await tx.tender.findFirst({ where: { id: input.tenderId, ...openTenderWhere() }, select: { id: true, title: true, contactEmail: true, locale: true } });
    if (!tender) throw new AppError("NOT_FOUND");
    const existing = await tx.proposal.findUnique({ where: { tenderId_partnerId: { tenderId: tender.id, partnerId: seat.partnerId } }, select: { id: true } });
    const data = { message: input.message, priceMinor, currency: priceMinor === null ? null : (input.currency ?? null) };
    const proposal = existing
      ? await tx.proposal.update({ where: { id: existing.id }, data: { ...data, updatedAt: now() } })
      : await tx.proposal.create({ data: { ...data, tenderId: tender.id, partnerId: seat.partnerId, createdAt: now() } });
    await audit(tx, actor, { action: existing ? "tender.proposalUpdated" : "tender.proposalSent", orgId: seat.orgId, targetId: tender.id });
    const partner = await tx.partner.findUniqueOrThrow({ where: { id: seat.partnerId }, select: { displayName: true, contactEmail: true, website: true } });
    return { tender, partner, proposal, updated: !!existing };
  });
  const { tender, partner, proposal, updated } = result;
  await sendEmail(db, {
    to: tender.contactEmail,
    template: "tenderProposal",
    params: {
      title: tender.title,
      partner: partner.displayName,
      email: partner.contactEmail,
      website: partner.website,
      message: proposal.message,
      price: proposal.priceMinor !== null && proposal.currency ? formatMoney(proposal.priceMinor, proposal.currency, tender.locale) : null,
      updated,
    },
    locale: tender.locale,
  });
  return { proposalId: proposal.id, updated };
}
