import { ordersList } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = ordersList.handle;
