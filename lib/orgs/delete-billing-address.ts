import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { billingAddressIdField, findBillingAddress } from "./billing-address-fields";
import { lockOrganization, orgIdField } from "./organization-fields";

export const deleteBillingAddressSchema = z.object({ orgId: orgIdField, addressId: billingAddressIdField });
export type DeleteBillingAddressInput = z.input<typeof deleteBillingAddressSchema>;

/**
 * ORG-7: deletes a billing address. Deleting the default promotes the oldest remaining address, so the
 * Organization keeps exactly one default while it has any address. Invoices keep their own snapshot.
 */
export async function deleteBillingAddress(db: Db, actor: Actor, raw: DeleteBillingAddressInput) {
  const { orgId, addressId } = deleteBillingAddressSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "org.update");
    await lockOrganization(tx, orgId);
    const address = await findBillingAddress(tx, orgId, addressId);
    await tx.billingAddress.delete({ where: { id: address.id } });
    let promotedId: string | null = null;
    if (address.isDefault) {
      const next = await tx.billingAddress.findFirst({ where: { orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
      if (next) {
        await tx.billingAddress.update({ where: { id: next.id }, data: { isDefault: true } });
        promotedId = next.id;
      }
    }
    await audit(tx, access.actor, { action: "org.billingAddressDeleted", orgId, targetId: address.id, metadata: { wasDefault: address.isDefault, promotedId } });
    return { promotedId };
  });
}
