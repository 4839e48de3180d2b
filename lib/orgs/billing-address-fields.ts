import { z } from "zod";
import { COUNTRIES } from "@/lib/accounts/countries";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requiredText } from "./organization-fields";

/** The fields of one billing address (ORG-7), shared by "add" and "update". */
export const billingAddressFields = {
  label: requiredText(60),
  name: requiredText(120),
  street: requiredText(200),
  postalCode: requiredText(20),
  city: requiredText(100),
  country: z.enum(COUNTRIES, { error: "validation.country" }),
};

export const billingAddressIdField = z.string().trim().min(1, "validation.required");

/** The address, only when it belongs to this Organization: another tenant's id is simply not found. */
export async function findBillingAddress(tx: Tx, orgId: string, id: string) {
  const address = await tx.billingAddress.findFirst({ where: { id, orgId } });
  if (!address) throw new AppError("NOT_FOUND");
  return address;
}
