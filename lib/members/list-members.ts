import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { requireMember } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { assignableRoles, mayChangeRole, mayRemove, ROLES } from "./rules";

export const MEMBER_SORTS = ["name", "role", "lastSignIn"] as const;
export const MEMBER_STATUSES = ["active", "invited"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

// List parameters come from the URL: a missing, empty or malformed one falls back to its default.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const listMembersSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  q: optional(z.string().trim().max(100)),
  /** One member or invitation by id (the API's GET /users/{id}). */
  id: optional(z.string().max(64)),
  role: optional(z.enum(ROLES)),
  teamId: optional(z.string().max(64)),
  status: optional(z.enum(MEMBER_STATUSES)),
  sort: optional(z.enum(MEMBER_SORTS)).transform((v) => v ?? "name"),
  dir: optional(z.enum(["asc", "desc"])).transform((v) => v ?? "asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type ListMembersInput = z.input<typeof listMembersSchema>;

type Row = {
  kind: "member" | "invitation";
  id: string;
  userId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string;
  role: Role;
  lastSignInAt: Date | null;
  expiresAt: Date | null;
};

/** `%`, `_` and `\` typed by the user match themselves, not any text. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const ROLE_ORDER = Prisma.sql`CASE r.role WHEN 'LEGAL_REPRESENTATIVE' THEN 0 WHEN 'ADMINISTRATOR' THEN 1 WHEN 'USER' THEN 2 ELSE 3 END`;

function orderBy(sort: MemberSort, dir: "asc" | "desc"): Prisma.Sql {
  const d = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  if (sort === "role") return Prisma.sql`${ROLE_ORDER} ${d}, r."sortName" ASC, r.id ASC`;
  // Never signed in (and invitations) sort last whichever the direction.
  if (sort === "lastSignIn") return Prisma.sql`r."lastSignInAt" ${d} NULLS LAST, r."sortName" ASC, r.id ASC`;
  return Prisma.sql`r."sortName" ${d}, r.id ${d}`;
}

/**
 * ORG-1/ORG-4/ORG-5: the members of an Organization with their role, teams, last sign-in and status,
 * plus pending invitations (status "invited"); searched, filtered, sorted and paginated in SQL.
 * Each row says whether the viewer may change its role or remove it, so the page shows only what works.
 */
export async function listMembers(db: Db, actor: Actor, raw: ListMembersInput) {
  const input = listMembersSchema.parse(raw);
  const me = await requireMember(db, actor, input.orgId, "users.read");
  const pattern = input.q ? likePattern(input.q) : null;

  const memberWhere: Prisma.Sql[] = [Prisma.sql`m."orgId" = ${me.orgId}`];
  const invitationWhere: Prisma.Sql[] = [
    Prisma.sql`i."orgId" = ${me.orgId}`,
    Prisma.sql`i."acceptedAt" IS NULL AND i."revokedAt" IS NULL`,
    // Timestamps are stored as UTC without a zone: compare in UTC whatever the session's zone.
    Prisma.sql`i."expiresAt" > (${now().toISOString()}::timestamptz AT TIME ZONE 'UTC')`,
  ];
  if (input.id) {
    memberWhere.push(Prisma.sql`m.id = ${input.id}`);
    invitationWhere.push(Prisma.sql`i.id = ${input.id}`);
  }
  if (input.role) {
    memberWhere.push(Prisma.sql`m.role::text = ${input.role}`);
    invitationWhere.push(Prisma.sql`i.role::text = ${input.role}`);
  }
  if (pattern) {
    memberWhere.push(
      Prisma.sql`(u."firstName" ILIKE ${pattern} OR u."lastName" ILIKE ${pattern} OR (u."firstName" || ' ' || u."lastName") ILIKE ${pattern} OR u.email ILIKE ${pattern})`,
    );
    invitationWhere.push(Prisma.sql`i.email ILIKE ${pattern}`);
  }
  if (input.teamId) {
    memberWhere.push(Prisma.sql`EXISTS (SELECT 1 FROM "TeamMember" tm WHERE tm."membershipId" = m.id AND tm."teamId" = ${input.teamId})`);
    // Invitations belong to no team yet, so a team filter leaves them out (the part stays: "invited" in a team is an empty list, not an empty UNION).
    invitationWhere.push(Prisma.sql`FALSE`);
  }
  const parts: Prisma.Sql[] = [];
  if (input.status !== "invited") {
    parts.push(Prisma.sql`
      SELECT 'member' AS kind, m.id, m."userId", u."firstName", u."lastName", u.email, m.role::text AS role,
             u."lastSignInAt", NULL::timestamp(3) AS "expiresAt", lower(u."firstName" || ' ' || u."lastName") AS "sortName"
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE ${Prisma.join(memberWhere, " AND ")}`);
  }
  if (input.status !== "active") {
    parts.push(Prisma.sql`
      SELECT 'invitation' AS kind, i.id, NULL AS "userId", NULL AS "firstName", NULL AS "lastName", i.email, i.role::text AS role,
             NULL::timestamp(3) AS "lastSignInAt", i."expiresAt", lower(i.email) AS "sortName"
      FROM "Invitation" i
      WHERE ${Prisma.join(invitationWhere, " AND ")}`);
  }
  const union = Prisma.join(parts, " UNION ALL ");
  const offset = (input.page - 1) * input.perPage;

  const [rows, [{ total }], teams] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT r.kind, r.id, r."userId", r."firstName", r."lastName", r.email, r.role, r."lastSignInAt", r."expiresAt"
      FROM (${union}) r
      ORDER BY ${orderBy(input.sort, input.dir)}
      LIMIT ${input.perPage} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${union}) r`,
    db.team.findMany({ where: { orgId: me.orgId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);

  const memberIds = rows.filter((r) => r.kind === "member").map((r) => r.id);
  const teamLinks = memberIds.length
    ? await db.teamMember.findMany({
        where: { membershipId: { in: memberIds } },
        select: { membershipId: true, team: { select: { id: true, name: true } } },
        orderBy: { team: { name: "asc" } },
      })
    : [];

  const items = rows.map((r) => {
    const isSelf = r.kind === "member" && r.id === me.membershipId;
    const member = r.kind === "member";
    return {
      kind: r.kind,
      id: r.id,
      userId: r.userId,
      name: member ? `${r.firstName} ${r.lastName}`.trim() : null,
      firstName: member ? r.firstName : null,
      lastName: member ? r.lastName : null,
      email: r.email,
      role: r.role,
      teams: teamLinks.filter((l) => l.membershipId === r.id).map((l) => l.team),
      lastSignInAt: r.lastSignInAt,
      invitationExpiresAt: r.expiresAt,
      status: (member ? "active" : "invited") as MemberStatus,
      isSelf,
      canChangeRole: member && mayChangeRole(me.role, r.role),
      // Leaving yourself is its own action (ORG-4); the bulk removal is for others.
      canRemove: member && !isSelf && mayRemove(me.role, r.role),
    };
  });

  return {
    items,
    total,
    page: input.page,
    perPage: input.perPage,
    pageCount: Math.max(1, Math.ceil(total / input.perPage)),
    params: input,
    teams,
    viewer: {
      membershipId: me.membershipId,
      role: me.role,
      assignableRoles: assignableRoles(me.role),
      canRemove: can(me.role, "users.remove"),
    },
  };
}
