// `/api/…` without a version is the latest version (API-2).
export { GET, PATCH, DELETE } from "../../../../[version]/accounts/[account_id]/users/[id]/route";

export const dynamic = "force-dynamic";
