import { usersPermissionsPut } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const PUT = usersPermissionsPut.handle;
