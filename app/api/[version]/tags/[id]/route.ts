import { tagsDelete, tagsGet, tagsPut, tagsUpdate } from "@/lib/http/api-endpoints";

// The deprecated one-Organization path: the same endpoint, in the token's only Organization.
export const dynamic = "force-dynamic";
export const GET = tagsGet.legacyHandle;
export const PATCH = tagsUpdate.legacyHandle;
export const PUT = tagsPut.legacyHandle;
export const DELETE = tagsDelete.legacyHandle;
