// `/api/…` without a version is the latest version (API-2).
export { GET, PUT } from "../../../[version]/users/[id]/permissions/route";

export const dynamic = "force-dynamic";
