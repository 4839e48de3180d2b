import { usersDelete, usersGet, usersUpdate } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = usersGet.handle;
export const PATCH = usersUpdate.handle;
export const DELETE = usersDelete.handle;
