// `/api/…` without a version is the latest version (API-2).
export { GET, POST } from "../../../[version]/accounts/[account_id]/tags/route";

export const dynamic = "force-dynamic";
