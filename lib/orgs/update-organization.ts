import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { optionalEmail, optionalPhone, optionalText, optionalWebsite, orgIdField, requiredText } from "./organization-fields";

export const updateOrganizationSchema = z.object({
  orgId: orgIdField,
  name: requiredText(120),
  street: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  phone: optionalPhone,
  contactEmail: optionalEmail,
  website: optionalWebsite,
});
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;

const FIELDS = ["name", "street", "postalCode", "city", "phone", "contactEmail", "website"] as const;

/**
 * ORG-1 / ORG-7: a legal representative changes the Organization's name, address and contact details.
 * Entity type, country and currency are not editable here (they decide VAT and invoicing).
 */
export async function updateOrganization(db: Db, actor: Actor, raw: UpdateOrganizationInput) {
  const { orgId, ...data } = updateOrganizationSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "org.update");
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: { name: true, street: true, postalCode: true, city: true, phone: true, contactEmail: true, website: true },
    });
    const changed = FIELDS.filter((f) => before[f] !== data[f]);
    await tx.organization.update({ where: { id: orgId }, data });
    await audit(tx, access.actor, { action: "org.updated", orgId, targetId: orgId, metadata: { changed } });
    return { changed };
  });
}
