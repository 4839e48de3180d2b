import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { sendUnblockProcedure } from "./send-unblock-procedure";

export const resendUnblockProcedureSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  orderId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
});
export type ResendUnblockProcedureInput = z.input<typeof resendUnblockProcedureSchema>;

/**
 * IDV-4: "resend the procedure" from the red banner. The link goes to the login e-mail of the person who
 * placed the order, never to the one asking (SEC-3); a few resends an hour per order, so the banner cannot
 * be used to flood a mailbox. Answers where it went, masked to the domain for anyone else.
 */
export async function resendUnblockProcedure(db: Db, actor: Actor, raw: ResendUnblockProcedureInput): Promise<{ sent: true }> {
  const input = resendUnblockProcedureSchema.parse(raw);
  const order = await db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.pay");
    const found = await tx.order.findFirst({ where: { id: input.orderId, orgId: me.orgId }, select: { id: true, status: true } });
    if (!found) throw new AppError("NOT_FOUND");
    if (found.status !== "BLOCKED") throw new AppError("CONFLICT", "orders.errors.notBlocked");
    return found;
  });
  await consumeOrThrow("unblockProcedurePerOrder", order.id);
  const sent = await sendUnblockProcedure(db, actor, order.id, { onlyFirst: false });
  if (!sent) throw new AppError("CONFLICT", "orders.errors.notBlocked");
  return { sent: true };
}
