import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActorKind } from "@/lib/generated/prisma/enums";

/** The action families the page filters on: the part of an action name before its first dot. */
export const ACTIVITY_GROUPS = ["auth", "account", "org", "membership", "invitation", "team", "tag"] as const;

/** Who can act: a person, an API token, a partner, support staff, or the Manager itself (jobs). */
export const ACTOR_KINDS = Object.values(ActorKind);

// List parameters come from the URL: a missing or malformed one falls back to its default.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const listActivitySchema = z.object({
  orgId: z.string().trim().min(1, "validation.required"),
  /** An action-name prefix such as "team" or "org.billingAddress": letters and dots only. */
  action: optional(z.string().trim().max(60).regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/)),
  /** Only rows done by this kind of actor. */
  actorKind: optional(z.enum(ActorKind)),
  /** Keyset cursor "<ISO date>_<id>" of the last row of the previous page. */
  before: optional(z.string().max(80).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/)),
  perPage: z.coerce.number().int().min(1).max(100).catch(50).default(50),
});
export type ListActivityInput = z.input<typeof listActivitySchema>;

function cursorWhere(before: string | undefined): Prisma.AuditLogWhereInput {
  if (!before) return {};
  const [at, id] = before.split("_");
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return {};
  return { OR: [{ at: { lt: date } }, { at: date, id: { lt: BigInt(id) } }] };
}

/**
 * The Organization's security and activity log (audit), newest first, for legal representatives and
 * administrators ("audit.read"). Only rows of this Organization, filtered by action prefix and by kind
 * of actor, paginated by keyset so later pages stay cheap and stable while new rows arrive.
 */
export async function listActivity(db: Db, actor: Actor, raw: ListActivityInput): Promise<ActivityPage> {
  const input = listActivitySchema.parse(raw);
  const me = await requireMember(db, actor, input.orgId, "audit.read");
  // "team" matches "team.created" but not "teamwork.x"; an exact action name matches itself.
  const actionWhere: Prisma.AuditLogWhereInput = input.action
    ? { OR: [{ action: input.action }, { action: { startsWith: `${input.action}.` } }] }
    : {};
  const rows = await db.auditLog.findMany({
    where: { AND: [{ orgId: me.orgId }, actionWhere, input.actorKind ? { actorKind: input.actorKind } : {}, cursorWhere(input.before)] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: input.perPage + 1,
    select: {
      id: true,
      at: true,
      actorKind: true,
      action: true,
      targetType: true,
      targetId: true,
      ip: true,
      metadata: true,
      actor: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  const page = rows.slice(0, input.perPage);
  const last = page.at(-1);
  // Rows about a person (role changed, removed, added to a team) name them rather than show an id.
  const personIds = [...new Set(page.map((r) => subjectUserId(r.metadata, r.targetType, r.targetId)).filter((v): v is string => !!v))];
  const [viewer, people] = await Promise.all([
    db.user.findUnique({ where: { id: me.userId }, select: { timeZone: true } }),
    personIds.length ? db.user.findMany({ where: { id: { in: personIds } }, select: { id: true, firstName: true, lastName: true } }) : [],
  ]);
  const personName = (userId: string | null) => {
    const p = userId ? people.find((u) => u.id === userId) : undefined;
    return p ? `${p.firstName} ${p.lastName}`.trim() : null;
  };
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      actorKind: r.actorKind,
      actorName: r.actor ? `${r.actor.firstName} ${r.actor.lastName}`.trim() : null,
      actorEmail: r.actor?.email ?? null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      targetLabel: [targetLabel(r.metadata), personName(subjectUserId(r.metadata, r.targetType, r.targetId))].filter(Boolean).join(" · ") || null,
      ip: r.ip,
    })),
    nextCursor: rows.length > input.perPage && last ? `${last.at.toISOString()}_${last.id.toString()}` : null,
    params: input,
    timeZone: viewer?.timeZone ?? "UTC",
  };
}

export type ActivityItem = {
  id: string;
  at: Date;
  actorKind: ActorKind;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
};
export type ActivityPage = { items: ActivityItem[]; nextCursor: string | null; params: z.output<typeof listActivitySchema>; timeZone: string };

/** A readable name recorded with the change (a team's or product's name, an invited e-mail), when there is one. */
function targetLabel(metadata: Prisma.JsonValue): string | null {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return null;
  const parts = [metadata.name, metadata.product, metadata.email].filter((v): v is string => typeof v === "string" && v.length > 0);
  return parts.length ? parts.join(" · ") : null;
}

/** The account a row is about: the "user" target itself, or the user recorded with a membership change. */
function subjectUserId(metadata: Prisma.JsonValue, targetType: string | null, targetId: string | null): string | null {
  if (targetType === "user") return targetId;
  if (metadata && typeof metadata === "object" && !Array.isArray(metadata) && typeof metadata.userId === "string") return metadata.userId;
  return null;
}
