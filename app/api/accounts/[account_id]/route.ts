// `/api/…` without a version is the latest version (API-2).
export { GET, PATCH, PUT } from "../../[version]/accounts/[account_id]/route";

export const dynamic = "force-dynamic";
