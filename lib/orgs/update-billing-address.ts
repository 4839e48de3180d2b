import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { billingAddressFields, billingAddressIdField, findBillingAddress } from "./billing-address-fields";
import { orgIdField } from "./organization-fields";

export const updateBillingAddressSchema = z.object({ orgId: orgIdField, addressId: billingAddressIdField, ...billingAddressFields });
export type UpdateBillingAddressInput = z.input<typeof updateBillingAddressSchema>;

/** ORG-7: edits one billing address; which one is the default does not change here. */
export async function updateBillingAddress(db: Db, actor: Actor, raw: UpdateBillingAddressInput) {
  const { orgId, addressId, ...fields } = updateBillingAddressSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "org.update");
    await findBillingAddress(tx, orgId, addressId);
    const address = await tx.billingAddress.update({ where: { id: addressId }, data: fields });
    await audit(tx, access.actor, { action: "org.billingAddressUpdated", orgId, targetId: addressId });
    return address;
  });
}
