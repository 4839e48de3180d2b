import { productTagsAttach } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const POST = productTagsAttach.handle;
