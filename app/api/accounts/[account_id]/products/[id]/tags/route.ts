// `/api/…` without a version is the latest version (API-2).
export { POST } from "../../../../../[version]/accounts/[account_id]/products/[id]/tags/route";

export const dynamic = "force-dynamic";
