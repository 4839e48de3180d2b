import { accountsGet, accountsPatch, accountsPut } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = accountsGet.handle;
export const PATCH = accountsPatch.handle;
export const PUT = accountsPut.handle;
