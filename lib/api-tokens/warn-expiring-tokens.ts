import { DAY, now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { sendEmail } from "@/lib/notifications/send-email";
import { IDLE_LIMIT_DAYS } from "./disable-idle-tokens";

/** Days before the end at which the owner is warned (TOK-3). */
export const WARNING_DAYS = [30, 7] as const;

/** When a token stops working, and why: its expiry or a year without use, whichever comes first. */
export function tokenDeadline(t: { expiresAt: Date | null; lastUsedAt: Date | null; createdAt: Date }): { when: Date; reason: "expiry" | "idle" } {
  const idle = new Date((t.lastUsedAt ?? t.createdAt).getTime() + IDLE_LIMIT_DAYS * DAY);
  return t.expiresAt && t.expiresAt <= idle ? { when: t.expiresAt, reason: "expiry" } : { when: idle, reason: "idle" };
}

/** The names of the Organizations a token acts in: its restriction, or all of its owner's. */
function actsIn(t: { organizations: { orgId: string }[]; user: { memberships: { orgId: string; organization: { name: string } }[] } }): string[] {
  const only = new Set(t.organizations.map((o) => o.orgId));
  return t.user.memberships.filter((m) => !only.size || only.has(m.orgId)).map((m) => m.organization.name).sort();
}

/**
 * TOK-3 (scheduled job, e.g. daily): e-mails the owner of each active token 30 and 7 days before it expires
 * or is deactivated for idleness. `warnedAt` remembers the last warning: a threshold is sent once per
 * deadline (using the token moves the idle deadline, so warnings start again for the new one).
 */
export async function warnExpiringTokens(db: Db): Promise<{ warned: number }> {
  const at = now();
  const horizon = new Date(at.getTime() + WARNING_DAYS[0] * DAY);
  const idleHorizon = new Date(horizon.getTime() - IDLE_LIMIT_DAYS * DAY);
  const candidates = await db.apiToken.findMany({
    where: {
      revokedAt: null,
      disabledAt: null,
      OR: [
        { expiresAt: { gt: at, lte: horizon } },
        { lastUsedAt: { lte: idleHorizon } },
        { lastUsedAt: null, createdAt: { lte: idleHorizon } },
      ],
    },
    select: {
      id: true,
      name: true,
      expiresAt: true,
      lastUsedAt: true,
      createdAt: true,
      warnedAt: true,
      user: {
        select: { email: true, locale: true, timeZone: true, memberships: { select: { orgId: true, organization: { select: { name: true } } } } },
      },
      organizations: { select: { orgId: true } },
    },
  });
  let warned = 0;
  for (const t of candidates) {
    const deadline = tokenDeadline(t);
    const left = deadline.when.getTime() - at.getTime();
    if (left <= 0) continue;
    // The most urgent threshold reached, unless a warning was already sent for it.
    const threshold = [...WARNING_DAYS].reverse().find((d) => left <= d * DAY);
    if (threshold === undefined) continue;
    const thresholdStart = new Date(deadline.when.getTime() - threshold * DAY);
    if (t.warnedAt && t.warnedAt >= thresholdStart) continue;
    // Claim the warning first, so two job runs never send it twice.
    const { count } = await db.apiToken.updateMany({
      where: { id: t.id, warnedAt: t.warnedAt },
      data: { warnedAt: at },
    });
    if (!count) continue;
    await sendEmail(db, {
      to: t.user.email,
      template: "apiTokenWarning",
      locale: t.user.locale,
      params: {
        tokenName: t.name,
        organizationName: actsIn(t).join(", "),
        reason: deadline.reason,
        when: deadline.when,
        days: Math.ceil(left / DAY),
        consoleUrl: `${config.appUrl}/account/api-tokens`,
        timeZone: t.user.timeZone,
      },
    });
    warned++;
  }
  return { warned };
}
