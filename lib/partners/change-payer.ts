import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockClientPartnership } from "./client-partnership";
import { partnerRecipients, sendPayerChangedMails } from "./partnership-mail";

export const changePayerSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  partnershipId: z.string().min(1, "validation.required").max(64),
  payer: z.enum(["CLIENT", "PARTNER"], { message: "partnerships.errors.pickPayer" }),
});
export type ChangePayerInput = z.input<typeof changePayerSchema>;

/**
 * PRT-6: with full access, the client's legal representative changes who pays at any time (pending or
 * active); the partner is told by e-mail. Limited access has no payer choice (PRT-5).
 */
export async function changePayer(db: Db, actor: Actor, raw: ChangePayerInput) {
  const input = changePayerSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const { me, partnership } = await lockClientPartnership(tx, actor, input.orgId, input.partnershipId);
    if (partnership.status !== "PENDING" && partnership.status !== "ACTIVE") throw new AppError("CONFLICT", "partnerships.errors.ended");
    if (partnership.access !== "FULL") throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { payer: ["partnerships.errors.payerFullOnly"] });
    if (partnership.payer === input.payer) return null;
    await tx.partnership.update({ where: { id: partnership.id }, data: { payer: input.payer } });
    await audit(tx, actor, { action: "partnership.payerChanged", orgId: me.orgId, targetId: partnership.id, metadata: { from: partnership.payer, to: input.payer } });
    const me2 = await tx.user.findUniqueOrThrow({ where: { id: me.userId }, select: { locale: true } });
    return { to: await partnerRecipients(tx, partnership.partnerId, me2.locale), clientName: partnership.client.name };
  });
  if (result) await sendPayerChangedMails(db, { ...result, payer: input.payer });
  return { payer: input.payer, changed: !!result };
}
