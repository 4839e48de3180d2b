import { invitationsCreate } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const POST = invitationsCreate.handle;
