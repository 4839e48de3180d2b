import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import { isEu } from "@/lib/accounts/countries";
import type { Db } from "@/lib/db";
import { orgIdField } from "./organization-fields";

export const getOrganizationDetailsSchema = z.object({ orgId: orgIdField });
export type GetOrganizationDetailsInput = z.input<typeof getOrganizationDetailsSchema>;

/**
 * ORG-7: the Organization's details, VAT number and billing addresses, for every member (ORG-1: only a
 * legal representative may change them — `canEdit` tells the page which view to render).
 */
export async function getOrganizationDetails(db: Db, actor: Actor, raw: GetOrganizationDetailsInput) {
  const { orgId } = getOrganizationDetailsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "org.read");
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: {
        id: true,
        name: true,
        entityType: true,
        country: true,
        currency: true,
        street: true,
        postalCode: true,
        city: true,
        phone: true,
        contactEmail: true,
        website: true,
        vatNumber: true,
        vatNumberValid: true,
        vatTermsAcceptedAt: true,
        createdAt: true,
        billingAddresses: {
          orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
          select: { id: true, label: true, name: true, street: true, postalCode: true, city: true, country: true, isDefault: true },
        },
      },
    });
    return {
      ...org,
      // VAT-1/VAT-2: the EU VAT number applies to companies established in the EU only.
      vatApplicable: org.entityType === "COMPANY" && isEu(org.country),
      role: access.via === "membership" ? access.role : null,
      canEdit: allows(access, "org.update"),
    };
  });
}

export type OrganizationDetails = Awaited<ReturnType<typeof getOrganizationDetails>>;
