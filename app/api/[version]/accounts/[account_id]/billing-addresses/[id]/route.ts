import { billingAddressesDelete, billingAddressesPatch, billingAddressesPut } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const PATCH = billingAddressesPatch.handle;
export const PUT = billingAddressesPut.handle;
export const DELETE = billingAddressesDelete.handle;
