import { tagsCreate, tagsList } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = tagsList.handle;
export const POST = tagsCreate.handle;
