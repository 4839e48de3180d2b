import type { Actor } from "@/lib/access/actor";
import { actorUserId } from "@/lib/access/actor";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { AUDIT_EVENTS, type AuditEvent } from "./events";

export type AuditInput = {
  action: AuditEvent;
  orgId?: string | null;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
  userAgent?: string | null;
};

/** In which capacity an actor acts, as the log's `actorKind` column records it. */
export const ACTOR_KIND: Record<Actor["kind"], ActorKind> = {
  user: "USER",
  token: "API_TOKEN",
  partner: "PARTNER",
  staff: "STAFF",
  link: "LINK_HOLDER",
  anonymous: "ANONYMOUS",
  system: "SYSTEM",
};

/** What the actor acted through: the token, the partnership, the link, the job. */
function via(actor: Actor): string | null {
  switch (actor.kind) {
    case "token":
      return `token:${actor.tokenId}`;
    case "partner":
      return `partnership:${actor.partnershipId}`;
    case "link":
      return `link:${actor.link}:${actor.subjectId}`;
    case "system":
      return `job:${actor.job}`;
    default:
      return null;
  }
}

/**
 * Appends one row to the audit/security log, in the caller's transaction so it commits with the change:
 * who acted (the person), in which capacity (member, token, partner, staff, link holder, visitor, job),
 * through what, on which Organization, and the event with its target type (lib/audit/events.ts).
 */
export async function audit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  const origin = "ip" in actor ? actor : { ip: null, userAgent: null };
  await tx.auditLog.create({
    data: {
      at: now(),
      actorKind: ACTOR_KIND[actor.kind],
      actorId: actorUserId(actor),
      via: via(actor),
      orgId: input.orgId ?? null,
      action: input.action,
      targetType: AUDIT_EVENTS[input.action],
      targetId: input.targetId,
      metadata: input.metadata,
      ip: input.ip ?? origin.ip ?? null,
      userAgent: (input.userAgent ?? origin.userAgent)?.slice(0, 400) ?? null,
    },
  });
}
