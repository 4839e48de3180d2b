import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { listSessions } from "@/lib/sessions/list-sessions";
import { BACKUP_CODES_LOW, countBackupCodesLeft } from "./backup-codes";

/** Everything the account's security page shows, for the actor only. */
export async function securityOverview(db: Db, actor: UserActor) {
  const [methods, backupCodesLeft, sessions, events] = await Promise.all([
    db.twoFactorMethod.findMany({
      where: { userId: actor.userId, confirmedAt: { not: null } },
      orderBy: { confirmedAt: "asc" },
      select: { id: true, type: true, label: true, isDefault: true, confirmedAt: true },
    }),
    countBackupCodesLeft(db, actor.userId),
    listSessions(db, actor),
    db.auditLog.findMany({
      where: { actorId: actor.userId, OR: [{ action: { startsWith: "auth." } }, { action: { startsWith: "appPassword." } }, { action: { startsWith: "apiToken." } }] },
      orderBy: { at: "desc" },
      take: 20,
      select: { id: true, at: true, action: true, ip: true, userAgent: true },
    }),
  ]);
  return {
    enabled: methods.length > 0,
    methods: methods.map((m) => ({ ...m, confirmedAt: m.confirmedAt as Date })),
    backupCodesLeft,
    backupCodesLow: methods.length > 0 && backupCodesLeft <= BACKUP_CODES_LOW,
    sessions,
    events: events.map((e) => ({ id: e.id.toString(), at: e.at, action: e.action, ip: e.ip })),
  };
}

export type SecurityOverview = Awaited<ReturnType<typeof securityOverview>>;
