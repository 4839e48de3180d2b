import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { now } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  action: string;
  orgId?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
  userAgent?: string | null;
};

/** Appends one row to the audit/security log, in the caller's transaction so it commits with the change. */
export async function audit(tx: Tx, actor: Actor | { kind: "anonymous" }, input: AuditInput): Promise<void> {
  const kind =
    actor.kind === "user" ? (actor.staffRole ? "STAFF" : "USER") : actor.kind === "token" ? "API_TOKEN" : "SYSTEM";
  await tx.auditLog.create({
    data: {
      at: now(),
      actorKind: kind,
      actorId: actor.kind === "user" || actor.kind === "token" ? actor.userId : null,
      orgId: input.orgId ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      metadata: input.metadata,
      ip: input.ip ?? ("ip" in actor ? actor.ip : null) ?? null,
      userAgent: (input.userAgent ?? ("userAgent" in actor ? actor.userAgent : null))?.slice(0, 400) ?? null,
    },
  });
}
