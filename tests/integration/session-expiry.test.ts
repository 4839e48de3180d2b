import { afterEach, describe, expect, onTestFinished, test } from "vitest";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { clock, DAY, HOUR } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listSessions } from "@/lib/sessions/list-sessions";
import { createTotpMethod, createUser } from "../factories";

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

  test("[ACC-5] [SEC-3] one read answers who is signed in: a revoked session or a blocked person is refused, the second factor counts only while one is enrolled, times come back exact", async () => {
    const db = getDb();
    const zone = process.env.TZ;
    process.env.TZ = "Europe/Zurich"; // a server not on UTC: a timestamp read as local time would be 2 hours off
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    clock.set(new Date("2026-07-01T22:30:00.123Z"));
    const verifiedAt = new Date("2026-06-30T23:59:59.987Z");
    const user = await createUser(db, { locale: "it", emailVerifiedAt: verifiedAt });
    const withFactor = await createSession(db, { userId: user.id, twoFactorPassed: true, secondFactor: true });
    const pending = await createSession(db, { userId: user.id, twoFactorPassed: false });

    // A second factor passed, but none enrolled any more (removed since): not a second factor.
    expect(await resolveSession(db, withFactor.secret)).toMatchObject({ twoFactorPassed: true, secondFactor: false });
    await createTotpMethod(db, user.id);
    const read = await resolveSession(db, withFactor.secret);
    expect(read).toMatchObject({ id: withFactor.sessionId, userId: user.id, twoFactorPassed: true, secondFactor: true, user: { locale: "it", email: user.email } });
    expect(read!.user.emailVerifiedAt?.toISOString()).toBe(verifiedAt.toISOString());
    expect(await resolveSession(db, pending.secret)).toMatchObject({ twoFactorPassed: false, secondFactor: false });

    // Within a minute of the last use nothing is written; after it, "last seen" is the clock's time to the millisecond.
    clock.advance(2 * 60_000);
    await resolveSession(db, withFactor.secret);
    const seen = await db.session.findUniqueOrThrow({ where: { id: withFactor.sessionId } });
    expect(seen.lastSeenAt.toISOString()).toBe("2026-07-01T22:32:00.123Z");

    await db.session.update({ where: { id: pending.sessionId }, data: { revokedAt: new Date() } });
    expect(await resolveSession(db, pending.secret)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { blockedAt: new Date() } });
    expect(await resolveSession(db, withFactor.secret)).toBeNull();
    expect(await resolveSession(db, "not-a-session")).toBeNull();
  });
});
