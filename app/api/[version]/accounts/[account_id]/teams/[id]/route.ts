import { teamsDelete, teamsGet, teamsPatch, teamsPut } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = teamsGet.handle;
export const PATCH = teamsPatch.handle;
export const PUT = teamsPut.handle;
export const DELETE = teamsDelete.handle;
