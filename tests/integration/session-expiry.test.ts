import { afterEach, describe, expect, test } from "vitest";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { clock, DAY, HOUR } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listSessions } from "@/lib/sessions/list-sessions";
import { createUser } from "../factories";

afterEach(() => clock.reset());

describe("session lifetime", () => {
  test("[ACC-5] a session in use lasts; one left idle for more than 7 days is signed out", async () => {
    const db = getDb();
    clock.set(new Date("2026-03-01T08:00:00Z"));
    const user = await createUser(db);
    const active = await createSession(db, { userId: user.id, twoFactorPassed: true });
    const idle = await createSession(db, { userId: user.id, twoFactorPassed: true });

    // The first browser is used every day for three weeks; the second never again.
    for (let day = 0; day < 21; day++) {
      clock.advance(DAY);
      expect(await resolveSession(db, active.secret)).toMatchObject({ userId: user.id });
    }
    expect(await resolveSession(db, idle.secret)).toBeNull();
    const listed = await listSessions(db, { kind: "user", userId: user.id, sessionId: active.sessionId, staffRole: null });
    expect(listed.map((s) => s.id)).toEqual([active.sessionId]);
  });

  test("[ACC-5] a session ends 30 days after sign-in even when used every day", async () => {
    const db = getDb();
    clock.set(new Date("2026-03-01T08:00:00Z"));
    const user = await createUser(db);
    const session = await createSession(db, { userId: user.id, twoFactorPassed: true });
    clock.advance(29 * DAY + 23 * HOUR);
    // Used a day ago at the latest: still alive just before the 30-day mark…
    await db.session.update({ where: { id: session.sessionId }, data: { lastSeenAt: new Date(Date.parse("2026-03-30T08:00:00Z")) } });
    expect(await resolveSession(db, session.secret)).not.toBeNull();
    clock.advance(2 * HOUR);
    expect(await resolveSession(db, session.secret)).toBeNull();
  });
});
