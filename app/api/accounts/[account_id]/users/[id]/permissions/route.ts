// `/api/…` without a version is the latest version (API-2).
export { GET, PUT } from "../../../../../[version]/accounts/[account_id]/users/[id]/permissions/route";

export const dynamic = "force-dynamic";
