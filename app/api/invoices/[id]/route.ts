// `/api/…` without a version is the latest version (API-2).
export { GET } from "../../[version]/invoices/[id]/route";

export const dynamic = "force-dynamic";
