import { paymentsGet } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = paymentsGet.handle;
