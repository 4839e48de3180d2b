import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { validateVatNumber } from "@/lib/accounts/countries";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkboxField, optionalText, orgIdField } from "./organization-fields";

export const updateVatNumberSchema = z.object({
  orgId: orgIdField,
  vatNumber: optionalText(30),
  vatTermsAccepted: checkboxField,
});
export type UpdateVatNumberInput = z.input<typeof updateVatNumberSchema>;

/**
 * VAT-1..3: a legal representative of an EU company saves its intra-community VAT number. The number must
 * match the country's format (jsvat); a non-EU company (e.g. Swiss) is refused with an explanation;
 * saving requires accepting the terms of use. An empty value removes the number.
 */
export async function updateVatNumber(db: Db, actor: Actor, raw: UpdateVatNumberInput) {
  const input = updateVatNumberSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, input.orgId, "org.update");
    const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { entityType: true, country: true, vatNumber: true } });

    if (!input.vatNumber) {
      await tx.organization.update({ where: { id: input.orgId }, data: { vatNumber: null, vatNumberValid: false, vatTermsAcceptedAt: null } });
      await audit(tx, access.actor, { action: "org.vatNumberChanged", orgId: input.orgId, targetId: input.orgId, metadata: { removed: true, previous: org.vatNumber } });
      return { vatNumber: null };
    }

    if (org.entityType !== "COMPANY") throw invalid("vatNumber", "validation.vatCompanyOnly");
    const vat = validateVatNumber(org.country, input.vatNumber);
    if (!vat.ok) throw invalid("vatNumber", vat.reason);
    if (!input.vatTermsAccepted) throw invalid("vatTermsAccepted", "validation.vatTermsRequired");

    await tx.organization.update({
      where: { id: input.orgId },
      data: { vatNumber: vat.value, vatNumberValid: true, vatTermsAcceptedAt: now() },
    });
    await audit(tx, access.actor, { action: "org.vatNumberChanged", orgId: input.orgId, targetId: input.orgId, metadata: { vatNumber: vat.value, previous: org.vatNumber } });
    return { vatNumber: vat.value };
  });
}

function invalid(field: string, key: string) {
  return new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { [field]: [key] });
}
