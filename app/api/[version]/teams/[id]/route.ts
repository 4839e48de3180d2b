import { teamsDelete, teamsGet, teamsPatch, teamsPut } from "@/lib/http/api-endpoints";

// The deprecated one-Organization path: the same endpoint, in the token's only Organization.
export const dynamic = "force-dynamic";
export const GET = teamsGet.legacyHandle;
export const PATCH = teamsPatch.legacyHandle;
export const PUT = teamsPut.legacyHandle;
export const DELETE = teamsDelete.legacyHandle;
