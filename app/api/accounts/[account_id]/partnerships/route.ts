// `/api/…` without a version is the latest version (API-2).
export { GET } from "../../../[version]/accounts/[account_id]/partnerships/route";

export const dynamic = "force-dynamic";
