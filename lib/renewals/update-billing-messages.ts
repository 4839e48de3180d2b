import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BillingMessages } from "./renewal-amount";
import { MAX_REMINDER_DAYS } from "./schedule";

const flag = z.preprocess((v) => (v === "true" || v === "on" ? true : v === "false" ? false : v), z.boolean()).optional();

export const updateBillingMessagesSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required"),
  remindersEnabled: flag,
  /** BIL-10: how many days before the deadline, at most about two months. */
  reminderDaysBefore: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    z.number({ error: "renewals.errors.reminderDaysInvalid" }).int("renewals.errors.reminderDaysInvalid").min(1, "renewals.errors.reminderDaysInvalid").max(MAX_REMINDER_DAYS, "renewals.errors.reminderDaysMax").optional(),
  ),
  notifyRenewal: flag,
  notifyInvoiceIssued: flag,
});
export type UpdateBillingMessagesInput = z.input<typeof updateBillingMessagesSchema>;

/**
 * BIL-10: the Organization's billing messages — reminders before the renewal deadline (on/off, how many
 * days ahead, up to 2 months) and the automatic-renewal e-mails. The page saves each change on its own,
 * so the input carries only the fields that changed; the others keep their value.
 */
export async function updateBillingMessages(db: Db, actor: Actor, raw: UpdateBillingMessagesInput): Promise<BillingMessages> {
  const input = updateBillingMessagesSchema.parse(raw);
  const { orgId, ...changes } = input;
  const data = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (Object.keys(data).length === 0) throw new AppError("INVALID_INPUT", "validation.invalid");
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "billing.pay");
    const saved = await tx.billingPreference.upsert({
      where: { orgId: access.orgId },
      create: { orgId: access.orgId, ...data },
      update: data,
      select: { remindersEnabled: true, reminderDaysBefore: true, notifyRenewal: true, notifyInvoiceIssued: true },
    });
    await audit(tx, access.actor, { action: "org.billingMessagesChanged", orgId: access.orgId, targetId: access.orgId, metadata: data });
    return saved;
  });
}
