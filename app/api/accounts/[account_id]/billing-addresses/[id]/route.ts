// `/api/…` without a version is the latest version (API-2).
export { PATCH, PUT, DELETE } from "../../../../[version]/accounts/[account_id]/billing-addresses/[id]/route";

export const dynamic = "force-dynamic";
