import { usersPermissionsGet, usersPermissionsPut } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = usersPermissionsGet.handle;
export const PUT = usersPermissionsPut.handle;
