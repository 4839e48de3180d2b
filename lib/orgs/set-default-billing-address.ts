import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { billingAddressIdField, findBillingAddress } from "./billing-address-fields";
import { lockOrganization, orgIdField } from "./organization-fields";

export const setDefaultBillingAddressSchema = z.object({ orgId: orgIdField, addressId: billingAddressIdField });
export type SetDefaultBillingAddressInput = z.input<typeof setDefaultBillingAddressSchema>;

/**
 * ORG-7: makes one billing address the default, in one transaction under the Organization's row lock,
 * so that concurrent calls never leave two defaults (or none).
 */
export async function setDefaultBillingAddress(db: Db, actor: Actor, raw: SetDefaultBillingAddressInput) {
  const { orgId, addressId } = setDefaultBillingAddressSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "org.update");
    await lockOrganization(tx, orgId);
    const address = await findBillingAddress(tx, orgId, addressId);
    await tx.billingAddress.updateMany({ where: { orgId, isDefault: true, id: { not: address.id } }, data: { isDefault: false } });
    if (!address.isDefault) await tx.billingAddress.update({ where: { id: address.id }, data: { isDefault: true } });
    await audit(tx, access.actor, { action: "org.defaultBillingAddressChanged", orgId, targetId: address.id });
    return { defaultId: address.id };
  });
}
