import { productTagAttach, productTagDetach } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const PUT = productTagAttach.handle;
export const DELETE = productTagDetach.handle;
