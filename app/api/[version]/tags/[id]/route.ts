import { tagsDelete, tagsUpdate } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const PATCH = tagsUpdate.handle;
export const DELETE = tagsDelete.handle;
