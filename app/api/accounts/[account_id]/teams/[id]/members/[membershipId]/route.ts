// `/api/…` without a version is the latest version (API-2).
export { PUT, DELETE } from "../../../../../../[version]/accounts/[account_id]/teams/[id]/members/[membershipId]/route";

export const dynamic = "force-dynamic";
