// `/api/…` without a version is the latest version (API-2).
export { GET, PATCH, PUT, DELETE } from "../../../../[version]/accounts/[account_id]/tags/[id]/route";

export const dynamic = "force-dynamic";
