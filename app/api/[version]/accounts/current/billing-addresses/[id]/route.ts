import { billingAddressesDelete, billingAddressesPatch, billingAddressesPut } from "@/lib/http/api-endpoints";

// The deprecated one-Organization path: the same endpoint, in the token's only Organization.
export const dynamic = "force-dynamic";
export const PATCH = billingAddressesPatch.legacyHandle;
export const PUT = billingAddressesPut.legacyHandle;
export const DELETE = billingAddressesDelete.legacyHandle;
