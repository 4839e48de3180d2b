// `/api/…` without a version is the latest version (API-2).
export { GET } from "../[version]/accounts/route";

export const dynamic = "force-dynamic";
