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
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/members/rules";
import { ROLE_TYPES } from "./accounts";
import { endpoint, idParam, NO_CONTENT, nullableDateOut, pageOf, paging, withApiFieldNames } from "../endpoint";

const role = z.enum(ROLES);

export const userOutSchema = z.object({
  kind: z.enum(["member", "invitation"]).describe("A member, or a pending invitation (not accepted yet)."),
  id: z.string().describe("The membership id (or the invitation id): the `{id}` of /users/{id}."),
  user_id: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  display_name: z.string().describe("The name, or the e-mail address of a pending invitation."),
  name: z.string().nullable(),
  email: z.string(),
  role,
  role_type: z.enum(["owner", "admin", "user", "external"]).describe("The role under the provider's name."),
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
    first_name: m.firstName,
    last_name: m.lastName,
    display_name: m.name || m.email,
    name: m.name,
    email: m.email,
    role: m.role as z.infer<typeof userOutSchema>["role"],
    role_type: ROLE_TYPES[m.role as Role],
    teams: m.teams,
    last_sign_in_at: m.lastSignInAt?.toISOString() ?? null,
    invitation_expires_at: m.invitationExpiresAt?.toISOString() ?? null,
    status: m.status,
  };
}

export const usersGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/users/{id}",
  versions: ["1", "2"],
  legacyPath: "/users/{id}",
  summary: "One member (by membership id) or pending invitation (by invitation id), as in the list.",
  scope: "users:read",
  action: "users.read",
  response: userOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => {
    const res = await listMembers(db, actor, { orgId, id: idParam(params, "id"), perPage: 1 });
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
  path: "/accounts/{account_id}/users",
  versions: ["1", "2"],
  legacyPath: "/users",
  summary: "Adds a user: invites them by e-mail to join with the given role and access (ORG-2, SEC-2).",
  scope: "users:write",
  action: "users.invite",
  schema: addUserBody,
  response: userCreatedSchema,
  successStatus: 201,
  handler: async ({ db, actor, orgId, input }) => {
    const res = await withApiFieldNames(FIELD_NAMES, () =>
      inviteUser(db, actor, {
        orgId,
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

const inviteBody = z.object({
  email: emailField,
  first_name: z.string().trim().max(100).optional().describe("Accepted for compatibility; the invitee gives their own name when accepting."),
  last_name: z.string().trim().max(100).optional().describe("Accepted for compatibility; the invitee gives their own name when accepting."),
  role_type: z.enum(["owner", "admin", "user"]).describe("owner (legal representative), admin or user; never above the token owner's role."),
});
const ROLE_OF_TYPE = { owner: "LEGAL_REPRESENTATIVE", admin: "ADMINISTRATOR", user: "USER" } as const;

export const invitationSentSchema = z.object({
  email: z.string(),
  role_type: z.enum(["owner", "admin", "user"]),
  status: z.literal("sent").describe("The same answer whether or not the address already has an account."),
});

export const invitationsCreate = endpoint({
  method: "POST",
  path: "/accounts/{account_id}/invitations",
  summary: "Invites someone to the Organization by e-mail (ORG-2), with the provider's field names.",
  description: "An existing account is added at once (and told by e-mail); anyone else receives an invitation valid 7 days.",
  scope: "users:write",
  action: "users.invite",
  schema: inviteBody,
  response: invitationSentSchema,
  successStatus: 201,
  handler: async ({ db, actor, orgId, input }) => {
    await withApiFieldNames({ role: "role_type" }, () => inviteUser(db, actor, { orgId, email: input.email, role: ROLE_OF_TYPE[input.role_type] }));
    return { status: 201, data: { email: input.email, role_type: input.role_type, status: "sent" } };
  },
});

export const userRoleOutSchema = z.object({ id: z.string(), role, changed: z.boolean() });

export const usersUpdate = endpoint({
  method: "PATCH",
  path: "/accounts/{account_id}/users/{id}",
  versions: ["1", "2"],
  legacyPath: "/users/{id}",
  summary: "Changes a member's role (ORG-5); the last legal representative cannot be demoted (ORG-3).",
  scope: "users:write",
  action: "users.update",
  schema: z.object({ role }),
  response: userRoleOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, input, params }) => {
    const res = await changeRole(db, actor, { orgId, membershipId: idParam(params, "id"), role: input.role });
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
  path: "/accounts/{account_id}/users/{id}/permissions",
  versions: ["1", "2"],
  legacyPath: "/users/{id}/permissions",
  summary: "A member's direct product access, the products they hold through teams, and their contact preferences (ORG-5).",
  scope: "users:read",
  action: "members.view",
  response: userAccessOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => {
    const res = await getMemberAccess(db, actor, orgId, idParam(params, "id"));
    return {
      data: { id: res.member.id, product_ids: res.productIds, team_product_ids: res.teamProductIds, contact_prefs: res.member.contactPrefs },
    };
  },
});

export const usersPermissionsPut = endpoint({
  method: "PUT",
  path: "/accounts/{account_id}/users/{id}/permissions",
  versions: ["1", "2"],
  legacyPath: "/users/{id}/permissions",
  summary: "Replaces a member's direct product access and administrative-contact preferences (ORG-5).",
  description:
    "Team grants are left alone. Only products the token owner sees may be granted: any other id answers 404 and nothing changes. Nobody changes a member who outranks them.",
  scope: "users:write",
  action: "membership.updateOwn",
  schema: permissionsBody,
  response: userPermissionsOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, input, params }) => {
    const res = await withApiFieldNames(FIELD_NAMES, () =>
      updateMemberPermissions(db, actor, {
        orgId,
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
  path: "/accounts/{account_id}/users/{id}",
  versions: ["1", "2"],
  legacyPath: "/users/{id}",
  summary: "Removes a member from the Organization (ORG-4), or revokes a pending invitation.",
  description: "The last legal representative cannot be removed (ORG-3): 409 until another one exists.",
  scope: "users:write",
  action: "users.remove",
  pathParams: ["id"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    const id = idParam(params, "id");
    try {
      await removeMembers(db, actor, { orgId, membershipIds: [id] });
    } catch (err) {
      if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
      // Not a member: perhaps a pending invitation (the users list shows both).
      await revokeInvitation(db, actor, { orgId, invitationId: id });
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
  path: "/accounts/{account_id}/users",
  versions: ["1", "2"],
  legacyPath: "/users",
  summary: "The Organization's members and pending invitations.",
  scope: "users:read",
  action: "users.read",
  schema: listUsersQuery,
  response: z.array(userOutSchema),
  paged: true,
  handler: async ({ db, actor, orgId, input: q }) => {
    const res = await listMembers(db, actor, {
      orgId,
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
    return pageOf(data, q, res.total);
  },
});

export const USER_ENDPOINTS = [invitationsCreate, usersList, usersCreate, usersGet, usersUpdate, usersPermissionsGet, usersPermissionsPut, usersDelete];
