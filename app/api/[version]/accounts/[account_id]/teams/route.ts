import { teamsCreate, teamsList } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = teamsList.handle;
export const POST = teamsCreate.handle;
