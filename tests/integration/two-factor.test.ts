import { generate } from "otplib";
import { afterEach, describe, expect, inject, test } from "vitest";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import type { UserActor } from "@/lib/auth/get-actor";
import { resolveSession } from "@/lib/auth/sessions";
import { clock, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { waitForMail } from "@/lib/dev/mailbox";
import { listSessions } from "@/lib/sessions/list-sessions";
import { revokeOtherUserSessions } from "@/lib/sessions/revoke-other-sessions";
import { revokeUserSession } from "@/lib/sessions/revoke-session";
import { regenerateBackupCodes } from "@/lib/two-factor/backup-codes";
import { confirmTotpEnrolment } from "@/lib/two-factor/confirm-totp-enrolment";
import { disableTwoFactor } from "@/lib/two-factor/disable-two-factor";
import { removeTwoFactorMethod } from "@/lib/two-factor/remove-method";
import { securityOverview } from "@/lib/two-factor/security-overview";
import { startTotpEnrolment } from "@/lib/two-factor/start-totp-enrolment";
import { verifySecondFactor } from "@/lib/two-factor/verify-second-factor";
import { createUser, DEFAULT_PASSWORD } from "../factories";

const db = getDb();
const T0 = new Date("2026-03-02T10:00:05Z");
const meta = () => ({ ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/130.0" });

afterEach(() => clock.reset());

const codeAt = (secret: string, date: Date) => generate({ secret, epoch: Math.floor(date.getTime() / 1000) });

async function signIn(email: string) {
  const res = await signInWithPassword(db, { email, password: DEFAULT_PASSWORD }, meta());
  const actor: UserActor = { kind: "user", userId: res.userId, sessionId: res.sessionId, staffRole: null, ip: "10.0.0.1", userAgent: "vitest" };
  return { ...res, actor, pending: { id: res.sessionId, userId: res.userId, twoFactorPassed: !res.twoFactorPending, staffRole: null } };
}

/** A user who enrolled an authenticator app at T0; answers the app's secret and the backup codes. */
async function enrolledUser() {
  clock.set(T0);
  const user = await createUser(db);
  const first = await signIn(user.email);
  const enrolment = await startTotpEnrolment(db, first.actor, { label: "Phone" });
  const confirmed = await confirmTotpEnrolment(db, first.actor, { methodId: enrolment.methodId, code: await codeAt(enrolment.secret, T0) });
  return { user, first, secret: enrolment.secret, methodId: enrolment.methodId, backupCodes: confirmed.backupCodes as string[] };
}

const step = (n: number) => new Date(T0.getTime() + n * 30_000);

describe("authenticator app", () => {
  test("[2FA-1] enrolling an app makes the next sign-in wait for a second step", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const s1 = await signIn(user.email);
    const enrolment = await startTotpEnrolment(db, s1.actor, { label: "Phone" });
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Not active before a code confirms it.
    expect((await signIn(user.email)).twoFactorPending).toBe(false);
    const right = await codeAt(enrolment.secret, T0);
    await expect(confirmTotpEnrolment(db, s1.actor, { methodId: enrolment.methodId, code: right === "000000" ? "111111" : "000000" })).rejects.toMatchObject({
      message: "security.errors.wrongCode",
    });
    const confirmed = await confirmTotpEnrolment(db, s1.actor, { methodId: enrolment.methodId, code: right });
    expect(confirmed.enabled).toBe(true);
    expect(confirmed.backupCodes).toHaveLength(10);

    clock.set(step(2));
    const s2 = await signIn(user.email);
    expect(s2.twoFactorPending).toBe(true);
    expect(await resolveSession(db, s2.secret)).toMatchObject({ twoFactorPassed: false });
    await verifySecondFactor(db, s2.pending, { kind: "totp", code: await codeAt(enrolment.secret, step(2)) });
    expect(await resolveSession(db, s2.secret)).toMatchObject({ twoFactorPassed: true });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.twoFactorPassed" } })).toBe(1);
    const overview = await securityOverview(db, s1.actor);
    expect(overview).toMatchObject({ enabled: true, backupCodesLeft: 10, methods: [{ type: "TOTP", label: "Phone", isDefault: true }] });
  });

  test("[2FA-5] a code is accepted once: replayed later, or used twice at the same time", async () => {
    const { user, secret } = await enrolledUser();
    clock.set(step(3));
    const code = await codeAt(secret, step(3));
    const a = await signIn(user.email);
    await verifySecondFactor(db, a.pending, { code });
    const b = await signIn(user.email);
    await expect(verifySecondFactor(db, b.pending, { code })).rejects.toMatchObject({ message: "twoFactor.errors.wrongCode" });
    expect(await resolveSession(db, b.secret)).toMatchObject({ twoFactorPassed: false });
    // The code enrolment used is spent too.
    clock.set(T0);
    await expect(verifySecondFactor(db, b.pending, { code: await codeAt(secret, T0) })).rejects.toMatchObject({ message: "twoFactor.errors.wrongCode" });

    clock.set(step(6));
    const fresh = await codeAt(secret, step(6));
    const [c, d] = await Promise.all([signIn(user.email), signIn(user.email)]);
    const results = await Promise.allSettled([verifySecondFactor(db, c.pending, { code: fresh }), verifySecondFactor(db, d.pending, { code: fresh })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const passed = await Promise.all([resolveSession(db, c.secret), resolveSession(db, d.secret)]);
    expect(passed.filter((s) => s?.twoFactorPassed)).toHaveLength(1);
  });

  test("[2FA-5] attempts are rate-limited per account: after 5 wrong codes even the right one is refused", async () => {
    const { user, secret } = await enrolledUser();
    clock.set(step(4));
    const right = await codeAt(secret, step(4));
    const wrong = right === "123456" ? "654321" : "123456";
    const s = await signIn(user.email);
    for (let i = 0; i < 5; i++) {
      await expect(verifySecondFactor(db, s.pending, { code: wrong })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(verifySecondFactor(db, s.pending, { code: right })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The limit is per account: a new session of the same account is refused as well.
    const other = await signIn(user.email);
    await expect(verifySecondFactor(db, other.pending, { code: right })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.twoFactorFailed" } })).toBe(7);
  });

  test("[2FA-1] the second step must follow the password within 15 minutes, or the password is asked again", async () => {
    const { user, secret } = await enrolledUser();
    clock.set(step(2));
    const s = await signIn(user.email);
    clock.set(new Date(step(2).getTime() + 16 * 60_000));
    await expect(verifySecondFactor(db, s.pending, { code: await codeAt(secret, now()) })).rejects.toMatchObject({ message: "twoFactor.errors.expired" });
    expect(await resolveSession(db, s.secret)).toBeNull();
  });
});

describe("backup codes", () => {
  test("[2FA-2] ten codes, each works once; two concurrent uses of one code: exactly one succeeds", async () => {
    const { user, backupCodes } = await enrolledUser();
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    for (const c of backupCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);

    const a = await signIn(user.email);
    // Typed in capitals with spaces, still the same code.
    const res = await verifySecondFactor(db, a.pending, { kind: "backup", code: backupCodes[0].toUpperCase().replaceAll("-", " ") });
    expect(res).toMatchObject({ method: "backup", backupCodesLeft: 9 });
    const b = await signIn(user.email);
    await expect(verifySecondFactor(db, b.pending, { kind: "backup", code: backupCodes[0] })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const [c, d] = await Promise.all([signIn(user.email), signIn(user.email)]);
    const results = await Promise.allSettled([
      verifySecondFactor(db, c.pending, { kind: "backup", code: backupCodes[1] }),
      verifySecondFactor(db, d.pending, { kind: "backup", code: backupCodes[1] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.backupCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
  });

  test("[2FA-2] regenerating asks the password and kills the old codes", async () => {
    const { user, first, backupCodes } = await enrolledUser();
    await expect(regenerateBackupCodes(db, first.actor, { password: "not my password" })).rejects.toMatchObject({ message: "security.errors.wrongPassword" });
    const { codes } = await regenerateBackupCodes(db, first.actor, { password: DEFAULT_PASSWORD });
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => backupCodes.includes(c))).toBe(false);
    const s = await signIn(user.email);
    await expect(verifySecondFactor(db, s.pending, { kind: "backup", code: backupCodes[2] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await verifySecondFactor(db, s.pending, { kind: "backup", code: codes[0] });
    expect(await resolveSession(db, s.secret)).toMatchObject({ twoFactorPassed: true });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.backupCodesRegenerated" } })).toBe(1);
  });
});

describe("removing methods", () => {
  test("[2FA-4] removing a method needs a session that passed 2FA and the password again", async () => {
    const { user, first, methodId } = await enrolledUser();
    await expect(removeTwoFactorMethod(db, first.actor, { methodId, password: "wrong password" })).rejects.toMatchObject({ message: "security.errors.wrongPassword" });
    // A session still waiting for its second step cannot, even with the password.
    const pending = await signIn(user.email);
    await expect(removeTwoFactorMethod(db, pending.actor, { methodId, password: DEFAULT_PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(disableTwoFactor(db, pending.actor, { password: DEFAULT_PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // A second app; removing the default one moves the default to it.
    clock.set(step(1));
    // Once 2FA is on, adding a method asks the password as well.
    await expect(startTotpEnrolment(db, first.actor, { label: "Tablet" })).rejects.toMatchObject({ fieldErrors: { password: ["validation.required"] } });
    await expect(startTotpEnrolment(db, first.actor, { label: "Tablet", password: "wrong password" })).rejects.toMatchObject({ message: "security.errors.wrongPassword" });
    const second = await startTotpEnrolment(db, first.actor, { label: "Tablet", password: DEFAULT_PASSWORD });
    const confirmed = await confirmTotpEnrolment(db, first.actor, { methodId: second.methodId, code: await codeAt(second.secret, step(1)) });
    expect(confirmed).toEqual({ enabled: false, backupCodes: null });
    await removeTwoFactorMethod(db, first.actor, { methodId, password: DEFAULT_PASSWORD });
    expect(await db.twoFactorMethod.findUniqueOrThrow({ where: { id: second.methodId } })).toMatchObject({ isDefault: true });
    expect(await db.backupCode.count({ where: { userId: user.id } })).toBe(10);

    // Removing the last method turns 2FA off and deletes the backup codes.
    const res = await removeTwoFactorMethod(db, first.actor, { methodId: second.methodId, password: DEFAULT_PASSWORD });
    expect(res.twoFactorDisabled).toBe(true);
    expect(await db.backupCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn(user.email)).twoFactorPending).toBe(false);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: { in: ["auth.twoFactorMethodRemoved", "auth.twoFactorDisabled"] } } })).toBe(3);
  });

  test("[2FA-4] disabling 2FA asks the password and removes every method", async () => {
    const { user, first } = await enrolledUser();
    await expect(disableTwoFactor(db, first.actor, { password: "wrong password" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await disableTwoFactor(db, first.actor, { password: DEFAULT_PASSWORD });
    expect(await db.twoFactorMethod.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.backupCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("secrets at rest", () => {
  test("[2FA-5] the TOTP secret, backup codes and session secrets are never stored in clear", async () => {
    const { user, secret, backupCodes, first } = await enrolledUser();
    const rows = JSON.stringify(
      {
        methods: await db.twoFactorMethod.findMany({ where: { userId: user.id } }),
        codes: await db.backupCode.findMany({ where: { userId: user.id } }),
        sessions: await db.session.findMany({ where: { userId: user.id } }),
        audit: await db.auditLog.findMany({ where: { actorId: user.id } }),
      },
      (_k, v) => (typeof v === "bigint" ? v.toString() : v),
    ).toLowerCase();
    expect(rows).not.toContain(secret.toLowerCase());
    for (const code of backupCodes) {
      expect(rows).not.toContain(code);
      expect(rows).not.toContain(code.replaceAll("-", ""));
    }
    expect(rows).not.toContain(first.secret.toLowerCase());
    const method = await db.twoFactorMethod.findFirstOrThrow({ where: { userId: user.id } });
    expect(method.secretEncrypted).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
  });
});

describe("sessions", () => {
  test("[ACC-7] the sessions list marks this device; one session or every other one can be signed out", async () => {
    const user = await createUser(db);
    const here = await signIn(user.email);
    const other1 = await signIn(user.email);
    const other2 = await signIn(user.email);
    const list = await listSessions(db, here.actor);
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ id: here.sessionId, current: true, browser: "Firefox", os: "macOS" });

    await revokeUserSession(db, here.actor, { sessionId: other1.sessionId });
    expect(await resolveSession(db, other1.secret)).toBeNull();
    // Someone else's session is not found.
    const stranger = await signIn((await createUser(db)).email);
    await expect(revokeUserSession(db, here.actor, { sessionId: stranger.sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await resolveSession(db, stranger.secret)).not.toBeNull();

    expect(await revokeOtherUserSessions(db, here.actor)).toEqual({ revoked: 1 });
    expect(await resolveSession(db, other2.secret)).toBeNull();
    expect(await resolveSession(db, here.secret)).not.toBeNull();
    expect(await db.auditLog.count({ where: { actorId: user.id, action: { in: ["auth.sessionRevoked", "auth.otherSessionsRevoked"] } } })).toBe(2);
  });
});

describe("security e-mails", () => {
  test("[2FA-4] adding and removing methods, and turning 2FA off, are each told to the owner by e-mail", async () => {
    const { user, first, methodId } = await enrolledUser();
    const sent = () =>
      db.emailOutbox.findMany({ where: { toAddress: user.email, template: "twoFactorChanged" }, orderBy: { createdAt: "asc" }, select: { subject: true, textBody: true, status: true } });
    expect(await sent()).toHaveLength(1);
    const added = await waitForMail(inject("mailboxUrl"), { to: user.email, subjectIncludes: "verification method was added" });
    expect(added.text).toContain("authenticator app");
    expect(added.text).toContain("/account/security");

    clock.set(step(1));
    const second = await startTotpEnrolment(db, first.actor, { label: "Tablet", password: DEFAULT_PASSWORD });
    await confirmTotpEnrolment(db, first.actor, { methodId: second.methodId, code: await codeAt(second.secret, step(1)) });
    await removeTwoFactorMethod(db, first.actor, { methodId, password: DEFAULT_PASSWORD });
    await disableTwoFactor(db, first.actor, { password: DEFAULT_PASSWORD });
    const subjects = (await sent()).map((m) => m.subject);
    expect(subjects).toEqual([
      expect.stringContaining("was added"),
      expect.stringContaining("was added"),
      expect.stringContaining("was removed"),
      expect.stringContaining("turned off"),
    ]);
    await waitForMail(inject("mailboxUrl"), { to: user.email, subjectIncludes: "turned off" });
    // A refused change (wrong password) sends nothing.
    await expect(disableTwoFactor(db, first.actor, { password: "wrong password" })).rejects.toThrow();
    expect(await sent()).toHaveLength(4);
  });
});
