import { z } from "zod";
import { AppError } from "@/lib/errors";
import { emailField } from "@/lib/accounts/schemas";
import { CONTACT_PREFERENCES, inviteUser } from "@/lib/invitations/invite-user";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeRole } from "@/lib/members/change-role";
import { listMembers, MEMBER_SORTS, MEMBER_STATUSES } from "@/lib/members/list-members";
import { removeMembers } from "@/lib/members/remove-members";
import { getMemberAccess } from "@/lib/members/get-member-permissions";
import { updateMemberPermissions } from "@/lib/members/update-member-permissions";
import { ROLES } from "@/lib/members/rules";
import { endpoint, idParam, NO_CONTENT, nullableDateOut, paging, withApiFieldNames } from "../endpoint";

const role = z.enum(ROLES);

export const userOutSchema = z.object({
  kind: z.enum(["member", "invitation"]).describe("A member, or a pending invitation (not accepted yet)."),
  id: z.string().describe("The membership id (or the invitation id): the `{id}` of /users/{id}."),
  user_id: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string(),
  role,
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  last_sign_in_at: nullableDateOut,
  invitation_expires_at: nullableDateOut,
  status: z.enum(["active", "invited"]),
});

type MemberItem = Awaited<ReturnType<typeof listMembers>>["items"][number];

function userOut(m: MemberItem): z.infer<typeof userOutSchema> {
  return {
    kind: m.kind,
    id: m.id,
    user_id: m.userId,
    name: m.name,
    email: m.email,
    role: m.role as z.infer<typeof userOutSchema>["role"],
    teams: m.teams,
    last_sign_in_at: m.lastSignInAt?.toISOString() ?? null,
    invitation_expires_at: m.invitationExpiresAt?.toISOString() ?? null,
    status: m.status,
  };
}

export const usersGet = endpoint({
  method: "GET",
  path: "/users/{id}",
  summary: "One member (by membership id) or pending invitation (by invitation id), as in the list.",
  scope: "users:read",
  action: "users.read",
  response: userOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, params }) => {
    const res = await listMembers(db, actor, { orgId: actor.orgId, id: idParam(params, "id"), perPage: 1 });
    if (!res.items[0]) throw new AppError("NOT_FOUND");
    return { data: userOut(res.items[0]) };
  },
});

const FIELD_NAMES = { productIds: "product_ids", contactPrefs: "contact_prefs" };

const addUserBody = z.object({
  email: emailField.describe("Invited by e-mail (the link is valid 7 days), whether or not the address has an account (SEC-2)."),
  role: role.describe("Never above the token owner's role; only a legal representative adds one (ORG-5)."),
  product_ids: z
    .array(z.string().min(1).max(64))
    .max(500)
    .default([])
    .describe("Per-product access (products the token owner sees)."),
  contact_prefs: z.array(z.enum(CONTACT_PREFERENCES)).max(4).default([]).describe("Which administrative e-mails they receive."),
});

/** SEC-2: the same shape and status whether or not the address has an account: it is never revealed. */
export const userCreatedSchema = z.object({
  kind: z.literal("invitation").describe("Always an invitation: someone with an account joins by accepting it too."),
  id: z.string().describe("The invitation id: the `{id}` of /users/{id}."),
  email: z.string(),
  role,
  status: z.literal("invited"),
});

export const usersCreate = endpoint({
  method: "POST",
  path: "/users",
  summary: "Adds a user: invites them by e-mail to join with the given role and access (ORG-2, SEC-2).",
  scope: "users:write",
  action: "users.invite",
  schema: addUserBody,
  response: userCreatedSchema,
  successStatus: 201,
  handler: async ({ db, actor, input }) => {
    const res = await withApiFieldNames(FIELD_NAMES, () =>
      inviteUser(db, actor, {
        orgId: actor.orgId,
        email: input.email,
        role: input.role,
        productIds: input.product_ids,
        contactPrefs: input.contact_prefs,
      }),
    );
    const data: z.infer<typeof userCreatedSchema> = { kind: "invitation", id: res.invitationId, email: res.email, role: input.role, status: "invited" };
    return { status: 201, data };
  },
});

export const userRoleOutSchema = z.object({ id: z.string(), role, changed: z.boolean() });

export const usersUpdate = endpoint({
  method: "PATCH",
  path: "/users/{id}",
  summary: "Changes a member's role (ORG-5); the last legal representative cannot be demoted (ORG-3).",
  scope: "users:write",
  action: "users.update",
  schema: z.object({ role }),
  response: userRoleOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, input, params }) => {
    const res = await changeRole(db, actor, { orgId: actor.orgId, membershipId: idParam(params, "id"), role: input.role });
    return { data: { id: res.membershipId, role: res.role, changed: res.changed } };
  },
});

const permissionsBody = z.object({
  product_ids: z
    .array(z.string().min(1).max(64))
    .max(500)
    .describe("The member's direct per-product access, replacing the current one (among the products the token owner sees)."),
  contact_prefs: z.array(z.enum(CONTACT_PREFERENCES)).max(4).describe("Which administrative e-mails they receive."),
});

export const userPermissionsOutSchema = z.object({
  id: z.string(),
  product_ids: z.array(z.string()).describe("The direct grants on products the token owner sees, after the change."),
  contact_prefs: z.array(z.enum(CONTACT_PREFERENCES)),
  changed: z.boolean(),
});

export const userAccessOutSchema = z.object({
  id: z.string(),
  product_ids: z.array(z.string()).describe("Direct grants, among the products the token owner sees."),
  team_product_ids: z.array(z.string()).describe("Products held through a team (changed on the team, not here)."),
  contact_prefs: z.array(z.enum(CONTACT_PREFERENCES)),
});

export const usersPermissionsGet = endpoint({
  method: "GET",
  path: "/users/{id}/permissions",
  summary: "A member's direct product access, the products they hold through teams, and their contact preferences (ORG-5).",
  scope: "users:read",
  action: "members.view",
  response: userAccessOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, params }) => {
    const res = await getMemberAccess(db, actor, actor.orgId, idParam(params, "id"));
    return {
      data: { id: res.member.id, product_ids: res.productIds, team_product_ids: res.teamProductIds, contact_prefs: res.member.contactPrefs },
    };
  },
});

export const usersPermissionsPut = endpoint({
  method: "PUT",
  path: "/users/{id}/permissions",
  summary: "Replaces a member's direct product access and administrative-contact preferences (ORG-5).",
  description:
    "Team grants are left alone. Only products the token owner sees may be granted: any other id answers 404 and nothing changes. Nobody changes a member who outranks them.",
  scope: "users:write",
  action: "membership.updateOwn",
  schema: permissionsBody,
  response: userPermissionsOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, input, params }) => {
    const res = await withApiFieldNames(FIELD_NAMES, () =>
      updateMemberPermissions(db, actor, {
        orgId: actor.orgId,
        membershipId: idParam(params, "id"),
        productIds: input.product_ids,
        contactPrefs: input.contact_prefs,
      }),
    );
    return { data: { id: res.membershipId, product_ids: [...new Set(input.product_ids)], contact_prefs: res.contactPrefs, changed: res.changed } };
  },
});

export const usersDelete = endpoint({
  method: "DELETE",
  path: "/users/{id}",
  summary: "Removes a member from the Organization (ORG-4), or revokes a pending invitation.",
  description: "The last legal representative cannot be removed (ORG-3): 409 until another one exists.",
  scope: "users:write",
  action: "users.remove",
  pathParams: ["id"],
  successStatus: 204,
  handler: async ({ db, actor, params }) => {
    const id = idParam(params, "id");
    try {
      await removeMembers(db, actor, { orgId: actor.orgId, membershipIds: [id] });
    } catch (err) {
      if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
      // Not a member: perhaps a pending invitation (the users list shows both).
      await revokeInvitation(db, actor, { orgId: actor.orgId, invitationId: id });
    }
    return NO_CONTENT;
  },
});

const listUsersQuery = z.object({
  ...paging,
  order_by: z.enum(MEMBER_SORTS).default("name").describe("Sort key."),
  q: z.string().trim().max(100).optional().describe("Search in name and e-mail."),
  role: z.enum(ROLES).optional(),
  team_id: z.string().max(64).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
});

export const usersList = endpoint({
  method: "GET",
  path: "/users",
  summary: "The Organization's members and pending invitations.",
  scope: "users:read",
  action: "users.read",
  schema: listUsersQuery,
  response: z.array(userOutSchema),
  paged: true,
  handler: async ({ db, actor, input: q }) => {
    const res = await listMembers(db, actor, {
      orgId: actor.orgId,
      q: q.q,
      role: q.role,
      teamId: q.team_id,
      status: q.status,
      sort: q.order_by,
      dir: q.order,
      page: q.page,
      perPage: q.per_page,
    });
    const data = res.items.map(userOut);
    return { data, page: q.page, per_page: q.per_page, ...(q.return === "total" ? { total: res.total } : {}) };
  },
});

export const USER_ENDPOINTS = [usersList, usersCreate, usersGet, usersUpdate, usersPermissionsGet, usersPermissionsPut, usersDelete];
