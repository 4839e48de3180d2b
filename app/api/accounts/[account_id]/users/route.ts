// `/api/…` without a version is the latest version (API-2).
export { GET, POST } from "../../../[version]/accounts/[account_id]/users/route";

export const dynamic = "force-dynamic";
