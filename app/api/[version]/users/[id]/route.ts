import { usersDelete, usersUpdate } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const PATCH = usersUpdate.handle;
export const DELETE = usersDelete.handle;
