import { z } from "zod";
import { can } from "@/lib/access/permissions";
import { tokenOrganizations, type TokenActor } from "@/lib/api-tokens/authenticate-api-token";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { getOrganizationDetails, type OrganizationDetails } from "@/lib/orgs/get-organization-details";
import {
  checkboxField,
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalWebsite,
  requiredText,
} from "@/lib/orgs/organization-fields";
import { updateOrganization } from "@/lib/orgs/update-organization";
import { updateVatNumber } from "@/lib/orgs/update-vat-number";
import { endpoint, paging, sortedPage, withApiFieldNames } from "../endpoint";

const ROLE = z.enum(["LEGAL_REPRESENTATIVE", "ADMINISTRATOR", "USER", "EXTERNAL"]);

/** The provider's names for the roles (`type` of an account, `role_type` of an invitation). */
export const ROLE_TYPES = { LEGAL_REPRESENTATIVE: "owner", ADMINISTRATOR: "admin", USER: "user", EXTERNAL: "external" } as const satisfies Record<Role, string>;
const roleType = z.enum(["owner", "admin", "user", "external"]).describe("The token owner's role there: owner (legal representative), admin, user or external.");
const legalEntityType = z.enum(["individual", "company"]);
const unixSeconds = z.number().int().describe("Unix time, in seconds.");

export const accountItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  legal_entity_type: legalEntityType,
  type: roleType,
  created_at: unixSeconds,
});

export const billingAddressOutSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  name: z.string(),
  street: z.string(),
  postal_code: z.string(),
  city: z.string(),
  country: z.string(),
  is_default: z.boolean().describe("Exactly one address is the default."),
});

type AddressRow = {
  id: string;
  label: string | null;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  isDefault: boolean;
};
export const billingAddressOut = (a: AddressRow): z.infer<typeof billingAddressOutSchema> => ({
  id: a.id,
  label: a.label,
  name: a.name,
  street: a.street,
  postal_code: a.postalCode,
  city: a.city,
  country: a.country,
  is_default: a.isDefault,
});

export const accountOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  entity_type: z.enum(["INDIVIDUAL", "COMPANY"]),
  country: z.string().describe("ISO 3166-1 alpha-2."),
  currency: z.enum(["CHF", "EUR"]),
  street: z.string().nullable(),
  postal_code: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  contact_email: z.string().nullable(),
  website: z.string().nullable(),
  vat_number: z.string().nullable(),
  vat_number_valid: z.boolean(),
  vat_applicable: z.boolean().describe("Whether the EU VAT number applies (an EU company)."),
  billing_addresses: z.array(billingAddressOutSchema),
  role: ROLE.nullable().describe("The token owner's role in the Organization."),
  type: roleType.nullable(),
  legal_entity_type: legalEntityType,
  created_at: unixSeconds,
  can_edit: z.boolean().describe("Whether the token owner may change these details (legal representative)."),
});

function accountOut(o: OrganizationDetails): z.infer<typeof accountOutSchema> {
  return {
    id: o.id,
    name: o.name,
    entity_type: o.entityType,
    country: o.country,
    currency: o.currency,
    street: o.street,
    postal_code: o.postalCode,
    city: o.city,
    phone: o.phone,
    contact_email: o.contactEmail,
    website: o.website,
    vat_number: o.vatNumber,
    vat_number_valid: o.vatNumberValid,
    vat_applicable: o.vatApplicable,
    billing_addresses: o.billingAddresses.map(billingAddressOut),
    role: o.role,
    type: o.role ? ROLE_TYPES[o.role] : null,
    legal_entity_type: o.entityType === "COMPANY" ? "company" : "individual",
    created_at: Math.floor(o.createdAt.getTime() / 1000),
    can_edit: o.canEdit,
  };
}

export const accountsList = endpoint({
  method: "GET",
  path: "/accounts",
  summary: "The Organizations the token can act in: its owner's, within the token's restriction.",
  description: "Each with the token owner's role there as `type`. Every other path names one of these as `{account_id}`.",
  scope: "accounts:read",
  action: "org.read",
  schema: z.object({ ...paging, order_by: z.enum(["name", "created_at"]).default("name").describe("Sort key.") }),
  response: z.array(accountItemSchema),
  paged: true,
  handler: async ({ db, actor, input: q }) => {
    const orgs = await tokenOrganizations(db, actor);
    const items = orgs
      .filter((m) => can(m.role, "org.read"))
      .map((m) => ({
        id: m.organization.id,
        name: m.organization.name,
        legal_entity_type: m.organization.entityType === "COMPANY" ? ("company" as const) : ("individual" as const),
        type: ROLE_TYPES[m.role],
        created_at: Math.floor(m.organization.createdAt.getTime() / 1000),
      }));
    return sortedPage(items, q, q.order_by === "created_at" ? (a) => a.created_at : (a) => a.name.toLowerCase());
  },
});

export const accountsGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}",
  legacyPath: "/accounts/current",
  summary: "One Organization: details, VAT number and billing addresses.",
  scope: "accounts:read",
  action: "org.read",
  response: accountOutSchema,
  handler: async ({ db, actor, orgId }) => ({ data: accountOut(await getOrganizationDetails(db, actor, { orgId })) }),
});

// The same field rules as the console's form (lib/orgs/organization-fields), under the API's names.
const details = {
  name: requiredText(120),
  street: optionalText(200),
  postal_code: optionalText(20),
  city: optionalText(100),
  phone: optionalPhone,
  contact_email: optionalEmail,
  website: optionalWebsite.describe("https:// is assumed when no scheme is given."),
};
const vat = {
  vat_number: optionalText(30).describe("EU companies only (VAT-1/VAT-2); empty or null removes it."),
  vat_terms_accepted: checkboxField.describe("Required (true) to save a VAT number (VAT-3)."),
};
const FIELD_NAMES = {
  postalCode: "postal_code",
  contactEmail: "contact_email",
  vatNumber: "vat_number",
  vatTermsAccepted: "vat_terms_accepted",
};

const putAccountBody = z.object({ ...details, ...vat });
const patchAccountBody = z
  .object({ ...details, vat_number: vat.vat_number, vat_terms_accepted: vat.vat_terms_accepted })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "validation.required", path: ["_"] });

type Details = { [K in keyof typeof details]: z.output<(typeof details)[K]> };

/** ORG-1/ORG-7/VAT-1..3: through the console's two services; the VAT number is checked first. */
async function saveAccount(
  db: Db,
  actor: TokenActor,
  orgId: string,
  patch: Partial<Details> & { vat_number?: string | null; vat_terms_accepted?: boolean },
) {
  const current = await getOrganizationDetails(db, actor, { orgId });
  await withApiFieldNames(FIELD_NAMES, async () => {
    // Sending back the number already saved changes nothing (and needs no new acceptance of the terms).
    if (patch.vat_number !== undefined && patch.vat_number !== current.vatNumber) {
      await updateVatNumber(db, actor, {
        orgId,
        vatNumber: patch.vat_number,
        vatTermsAccepted: patch.vat_terms_accepted ?? false,
      });
    }
    const detailKeys = Object.keys(details) as (keyof Details)[];
    if (detailKeys.some((k) => patch[k] !== undefined)) {
      await updateOrganization(db, actor, {
        orgId,
        name: patch.name ?? current.name,
        street: patch.street !== undefined ? patch.street : current.street,
        postalCode: patch.postal_code !== undefined ? patch.postal_code : current.postalCode,
        city: patch.city !== undefined ? patch.city : current.city,
        phone: patch.phone !== undefined ? patch.phone : current.phone,
        contactEmail: patch.contact_email !== undefined ? patch.contact_email : current.contactEmail,
        website: patch.website !== undefined ? patch.website : current.website,
      });
    }
  });
  return accountOut(await getOrganizationDetails(db, actor, { orgId }));
}

export const accountsPatch = endpoint({
  method: "PATCH",
  path: "/accounts/{account_id}",
  legacyPath: "/accounts/current",
  summary: "Changes some of the Organization's details (legal representative only, ORG-1).",
  description: "Only the fields sent change. Answers the updated Organization.",
  scope: "accounts:write",
  action: "org.update",
  schema: patchAccountBody,
  response: accountOutSchema,
  handler: async ({ db, actor, orgId, input }) => ({ data: await saveAccount(db, actor, orgId, input) }),
});

export const accountsPut = endpoint({
  method: "PUT",
  path: "/accounts/{account_id}",
  legacyPath: "/accounts/current",
  summary: "Replaces the Organization's editable details (legal representative only, ORG-1).",
  description: "Fields left out are emptied (the VAT number too). Answers the updated Organization.",
  scope: "accounts:write",
  action: "org.update",
  schema: putAccountBody,
  response: accountOutSchema,
  handler: async ({ db, actor, orgId, input }) => ({ data: await saveAccount(db, actor, orgId, input) }),
});

export const ACCOUNT_ENDPOINTS = [accountsList, accountsGet, accountsPatch, accountsPut];
