import { z } from "zod";
import { getOrganizationDetails } from "@/lib/orgs/get-organization-details";
import { addBillingAddress } from "@/lib/orgs/add-billing-address";
import { billingAddressFields } from "@/lib/orgs/billing-address-fields";
import { deleteBillingAddress } from "@/lib/orgs/delete-billing-address";
import { setDefaultBillingAddress } from "@/lib/orgs/set-default-billing-address";
import { updateBillingAddress } from "@/lib/orgs/update-billing-address";
import type { TokenActor } from "@/lib/api-tokens/authenticate-api-token";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { endpoint, idParam, NO_CONTENT, withApiFieldNames } from "../endpoint";
import { billingAddressOut, billingAddressOutSchema } from "./accounts";

const { postalCode, ...rest } = billingAddressFields;
// The console's rules for one address (lib/orgs/billing-address-fields), under the API's names.
const fields = { ...rest, postal_code: postalCode, country: rest.country.describe("ISO 3166-1 alpha-2.") };
const FIELD_NAMES = { postalCode: "postal_code", makeDefault: "is_default" };
const isDefault = z.boolean().optional().describe("true makes it the default address (the previous default stops being one).");

const addBody = z.object({ ...fields, is_default: isDefault });
const putBody = addBody;
const patchBody = z
  .object({ ...fields, is_default: isDefault })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "validation.required", path: ["_"] });

async function addressOf(db: Db, actor: TokenActor, orgId: string, id: string) {
  const org = await getOrganizationDetails(db, actor, { orgId });
  const address = org.billingAddresses.find((a) => a.id === id);
  if (!address) throw new AppError("NOT_FOUND");
  return address;
}

export const billingAddressesCreate = endpoint({
  method: "POST",
  path: "/accounts/{account_id}/billing-addresses",
  legacyPath: "/accounts/current/billing-addresses",
  summary: "Adds a billing address (ORG-7; legal representative only). The first one becomes the default.",
  scope: "accounts:write",
  action: "org.update",
  schema: addBody,
  response: billingAddressOutSchema,
  successStatus: 201,
  handler: async ({ db, actor, orgId, input }) => {
    const { postal_code, is_default, ...f } = input;
    const address = await withApiFieldNames(FIELD_NAMES, () =>
      addBillingAddress(db, actor, { orgId, ...f, postalCode: postal_code, makeDefault: is_default ?? false }),
    );
    return { status: 201, data: billingAddressOut(address) };
  },
});

type Patch = z.output<typeof patchBody>;

async function saveAddress(db: Db, actor: TokenActor, orgId: string, id: string, patch: Patch) {
  const current = await addressOf(db, actor, orgId, id);
  const { is_default, postal_code, ...f } = patch;
  if (Object.values({ ...f, postal_code }).some((v) => v !== undefined)) {
    await withApiFieldNames(FIELD_NAMES, () =>
      updateBillingAddress(db, actor, {
        orgId,
        addressId: id,
        label: f.label ?? current.label,
        name: f.name ?? current.name,
        street: f.street ?? current.street,
        postalCode: postal_code ?? current.postalCode,
        city: f.city ?? current.city,
        country: f.country ?? (current.country as z.infer<typeof fields.country>),
      }),
    );
  }
  if (is_default && !current.isDefault) await setDefaultBillingAddress(db, actor, { orgId, addressId: id });
  return billingAddressOut(await addressOf(db, actor, orgId, id));
}

export const billingAddressesPatch = endpoint({
  method: "PATCH",
  path: "/accounts/{account_id}/billing-addresses/{id}",
  legacyPath: "/accounts/current/billing-addresses/{id}",
  summary: "Changes some fields of a billing address, or makes it the default.",
  scope: "accounts:write",
  action: "org.update",
  schema: patchBody,
  response: billingAddressOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, input, params }) => ({ data: await saveAddress(db, actor, orgId, idParam(params, "id"), input) }),
});

export const billingAddressesPut = endpoint({
  method: "PUT",
  path: "/accounts/{account_id}/billing-addresses/{id}",
  legacyPath: "/accounts/current/billing-addresses/{id}",
  summary: "Replaces a billing address.",
  scope: "accounts:write",
  action: "org.update",
  schema: putBody,
  response: billingAddressOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, input, params }) => ({ data: await saveAddress(db, actor, orgId, idParam(params, "id"), input) }),
});

export const billingAddressesDelete = endpoint({
  method: "DELETE",
  path: "/accounts/{account_id}/billing-addresses/{id}",
  legacyPath: "/accounts/current/billing-addresses/{id}",
  summary: "Deletes a billing address; when it was the default, the oldest remaining one becomes the default.",
  scope: "accounts:write",
  action: "org.update",
  pathParams: ["id"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    await deleteBillingAddress(db, actor, { orgId, addressId: idParam(params, "id") });
    return NO_CONTENT;
  },
});

export const BILLING_ADDRESS_ENDPOINTS = [
  billingAddressesCreate,
  billingAddressesPatch,
  billingAddressesPut,
  billingAddressesDelete,
];
