import { z } from "zod";
import type { Db } from "@/lib/db";
import type { TokenActor } from "@/lib/api-tokens/authenticate-api-token";
import { addTeamMembers } from "@/lib/teams/add-team-members";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { getTeam } from "@/lib/teams/get-team";
import { listTeams } from "@/lib/teams/list-teams";
import { removeTeamMember } from "@/lib/teams/remove-team-member";
import { renameTeam } from "@/lib/teams/rename-team";
import { teamNameField } from "@/lib/teams/team-fields";
import { dateOut, endpoint, idParam, NO_CONTENT, paging, sortedPage } from "../endpoint";

export const teamOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(
    z.object({
      membership_id: z.string().describe("The `{id}` of /users/{id}."),
      role: z.enum(["LEGAL_REPRESENTATIVE", "ADMINISTRATOR", "USER", "EXTERNAL"]),
      name: z.string(),
      email: z.string(),
    }),
  ),
  products: z.array(z.object({ id: z.string(), name: z.string(), category: z.string(), level: z.enum(["READ", "MANAGE"]) })),
});

async function teamOut(db: Db, actor: TokenActor, orgId: string, teamId: string): Promise<z.infer<typeof teamOutSchema>> {
  const t = await getTeam(db, actor, { orgId, teamId });
  return {
    id: t.team.id,
    name: t.team.name,
    members: t.members.map((m) => ({ membership_id: m.membershipId, role: m.role, name: m.name, email: m.email })),
    products: t.products.map((p) => ({ id: p.id, name: p.name, category: p.category, level: p.level })),
  };
}

const teamBody = z.object({ name: teamNameField.describe("1 to 80 characters, unique in the Organization.") });

export const teamsGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/teams/{id}",
  legacyPath: "/teams/{id}",
  summary: "One team with its members and the products granted to it (ORG-6).",
  scope: "teams:read",
  action: "teams.read",
  response: teamOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => ({ data: await teamOut(db, actor, orgId, idParam(params, "id")) }),
});

export const teamsCreate = endpoint({
  method: "POST",
  path: "/accounts/{account_id}/teams",
  legacyPath: "/teams",
  summary: "Creates an empty work team (ORG-6).",
  scope: "teams:write",
  action: "teams.manage",
  schema: teamBody,
  response: teamOutSchema,
  successStatus: 201,
  handler: async ({ db, actor, orgId, input }) => {
    const team = await createTeam(db, actor, { orgId, name: input.name });
    return { status: 201, data: await teamOut(db, actor, orgId, team.id) };
  },
});

const renameHandler = endpoint({
  method: "PATCH",
  path: "/accounts/{account_id}/teams/{id}",
  legacyPath: "/teams/{id}",
  summary: "Renames a team.",
  scope: "teams:write",
  action: "teams.manage",
  schema: teamBody,
  response: teamOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, input, params }) => {
    const team = await renameTeam(db, actor, { orgId, teamId: idParam(params, "id"), name: input.name });
    return { data: await teamOut(db, actor, orgId, team.id) };
  },
});

export const teamsPatch = renameHandler;
/** A team's only editable field is its name, so PUT and PATCH are the same change. */
export const teamsPut = endpoint({
  ...renameHandler,
  method: "PUT",
  summary: "Renames a team (same as PATCH: the name is its only field).",
});

export const teamsDelete = endpoint({
  method: "DELETE",
  path: "/accounts/{account_id}/teams/{id}",
  legacyPath: "/teams/{id}",
  summary: "Deletes a team; its members stay in the Organization and lose the products granted only through it.",
  scope: "teams:write",
  action: "teams.manage",
  pathParams: ["id"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    await deleteTeam(db, actor, { orgId, teamId: idParam(params, "id") });
    return NO_CONTENT;
  },
});

export const teamMemberAdd = endpoint({
  method: "PUT",
  path: "/accounts/{account_id}/teams/{id}/members/{membershipId}",
  legacyPath: "/teams/{id}/members/{membershipId}",
  summary: "Puts a member of the Organization in the team (nothing changes if already in it).",
  scope: "teams:write",
  action: "teams.manage",
  pathParams: ["id", "membershipId"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    await addTeamMembers(db, actor, {
      orgId,
      teamId: idParam(params, "id"),
      membershipIds: [idParam(params, "membershipId")],
    });
    return NO_CONTENT;
  },
});

export const teamMemberRemove = endpoint({
  method: "DELETE",
  path: "/accounts/{account_id}/teams/{id}/members/{membershipId}",
  legacyPath: "/teams/{id}/members/{membershipId}",
  summary: "Takes a member out of the team.",
  scope: "teams:write",
  action: "teams.manage",
  pathParams: ["id", "membershipId"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    await removeTeamMember(db, actor, {
      orgId,
      teamId: idParam(params, "id"),
      membershipId: idParam(params, "membershipId"),
    });
    return NO_CONTENT;
  },
});

const teamSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: dateOut,
  memberCount: z.number().int(),
  productCount: z.number().int(),
});

const listTeamsQuery = z.object({ ...paging, order_by: z.enum(["name", "created"]).default("name").describe("Sort key.") });

export const teamsList = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/teams",
  legacyPath: "/teams",
  summary: "The Organization's teams with member and product counts.",
  scope: "teams:read",
  action: "teams.read",
  schema: listTeamsQuery,
  response: z.array(teamSummarySchema),
  paged: true,
  handler: async ({ db, actor, orgId, input: q }) => {
    const { items } = await listTeams(db, actor, { orgId });
    return sortedPage(items, q, q.order_by === "created" ? (t) => t.createdAt.getTime() : undefined);
  },
});

export const TEAM_ENDPOINTS = [
  teamsList,
  teamsGet,
  teamsCreate,
  teamsPatch,
  teamsPut,
  teamsDelete,
  teamMemberAdd,
  teamMemberRemove,
];
