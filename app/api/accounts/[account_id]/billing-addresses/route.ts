// `/api/…` without a version is the latest version (API-2).
export { POST } from "../../../[version]/accounts/[account_id]/billing-addresses/route";

export const dynamic = "force-dynamic";
