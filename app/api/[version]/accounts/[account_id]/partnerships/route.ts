import { partnershipsGet } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = partnershipsGet.handle;
