import { rolesWith } from "@/lib/access/permissions";
import type { Db } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";

export type Recipient = { email: string; locale: Locale; timeZone: string };

/**
 * Who receives an Organization's renewal and billing e-mails: its members whose role may pay (asked of the
 * role table, "billing.pay"), each in their own language and time zone; blocked accounts get nothing.
 */
export async function billingRecipients(db: Db, orgId: string): Promise<Recipient[]> {
  const members = await db.membership.findMany({
    where: { orgId, role: { in: rolesWith("billing.pay") }, user: { blockedAt: null } },
    select: { user: { select: { email: true, locale: true, timeZone: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => m.user);
}
