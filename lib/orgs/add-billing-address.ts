import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { billingAddressFields } from "./billing-address-fields";
import { checkboxField, lockOrganization, orgIdField } from "./organization-fields";

export const addBillingAddressSchema = z.object({ orgId: orgIdField, ...billingAddressFields, makeDefault: checkboxField });
export type AddBillingAddressInput = z.input<typeof addBillingAddressSchema>;

/** ORG-7: adds a billing address. The first one becomes the default; exactly one default at any time. */
export async function addBillingAddress(db: Db, actor: Actor, raw: AddBillingAddressInput) {
  const { orgId, makeDefault, ...fields } = addBillingAddressSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "org.update");
    await lockOrganization(tx, orgId);
    const hasDefault = (await tx.billingAddress.count({ where: { orgId, isDefault: true } })) > 0;
    const isDefault = makeDefault || !hasDefault;
    if (isDefault && hasDefault) await tx.billingAddress.updateMany({ where: { orgId, isDefault: true }, data: { isDefault: false } });
    const address = await tx.billingAddress.create({ data: { orgId, ...fields, isDefault, createdAt: now() } });
    await audit(tx, access.actor, { action: "org.billingAddressAdded", orgId, targetId: address.id, metadata: { isDefault } });
    return address;
  });
}
