import { teamMemberAdd, teamMemberRemove } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const PUT = teamMemberAdd.handle;
export const DELETE = teamMemberRemove.handle;
