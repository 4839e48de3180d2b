import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { billingMessagesOf, type BillingMessages } from "./renewal-amount";

/** BIL-10: the billing messages of an Organization, for those who see its billing; `canChange` for who may pay. */
export async function getBillingMessages(db: Db, actor: Actor, input: { orgId: string }): Promise<BillingMessages & { canChange: boolean }> {
  const access = await requireAccess(db, actor, input.orgId, "billing.read");
  return { ...(await billingMessagesOf(db, access.orgId)), canChange: allows(access, "billing.pay") };
}
