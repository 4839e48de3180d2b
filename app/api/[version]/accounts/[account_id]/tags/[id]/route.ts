import { tagsDelete, tagsGet, tagsPut, tagsUpdate } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = tagsGet.handle;
export const PATCH = tagsUpdate.handle;
export const PUT = tagsPut.handle;
export const DELETE = tagsDelete.handle;
