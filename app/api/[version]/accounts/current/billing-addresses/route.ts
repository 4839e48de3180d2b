import { billingAddressesCreate } from "@/lib/http/api-endpoints";

// The deprecated one-Organization path: the same endpoint, in the token's only Organization.
export const dynamic = "force-dynamic";
export const POST = billingAddressesCreate.legacyHandle;
