import { afterEach, describe, expect, inject, test } from "vitest";
import { changePassword } from "@/lib/accounts/change-password";
import { confirmEmailChange, findEmailChange } from "@/lib/accounts/confirm-email-change";
import { requestEmailChange } from "@/lib/accounts/request-email-change";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import type { UserActor } from "@/lib/auth/get-actor";
import { resolveSession } from "@/lib/auth/sessions";
import { clock, HOUR, MINUTE } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { extractLinks, listCaughtMail, waitForMail } from "@/lib/dev/mailbox";
import { REDACTED } from "@/lib/mail/templates";
import { revokeOtherUserSessions } from "@/lib/sessions/revoke-other-sessions";
import { disableTwoFactor } from "@/lib/two-factor/disable-two-factor";
import { createUser, DEFAULT_PASSWORD, unique } from "../factories";

const db = getDb();
const mailbox = () => inject("mailboxUrl");
const meta = () => ({ ip: `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" });

afterEach(() => clock.reset());

async function signIn(email: string, password = DEFAULT_PASSWORD) {
  const res = await signInWithPassword(db, { email, password }, meta());
  const actor: UserActor = { kind: "user", userId: res.userId, sessionId: res.sessionId, staffRole: null, ip: "10.0.0.9", userAgent: "vitest" };
  return { ...res, actor };
}

const NEW_PASSWORD = "a brand new password";

describe("changing the password", () => {
  test("[ACC-1] a wrong current password is refused, and repeated failures lock the form even for the right one", async () => {
    const user = await createUser(db);
    const { actor } = await signIn(user.email);
    for (let i = 0; i < 5; i++) {
      await expect(changePassword(db, actor, { password: "not my password", newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        fieldErrors: { password: ["security.errors.wrongPassword"] },
      });
    }
    await expect(changePassword(db, actor, { password: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Nothing changed: the old password still signs in, the new one does not.
    await expect(signIn(user.email)).resolves.toMatchObject({ userId: user.id });
    await expect(signIn(user.email, NEW_PASSWORD)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.reauthFailed" } })).toBe(5);
  });

  test("[ACC-1] the new password follows the sign-up rules, must be repeated and must differ", async () => {
    const user = await createUser(db);
    const { actor } = await signIn(user.email);
    await expect(changePassword(db, actor, { password: DEFAULT_PASSWORD, newPassword: "short", confirm: "short" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(changePassword(db, actor, { password: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD, confirm: "something else" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(changePassword(db, actor, { password: DEFAULT_PASSWORD, newPassword: DEFAULT_PASSWORD, confirm: DEFAULT_PASSWORD })).rejects.toMatchObject({
      fieldErrors: { newPassword: ["credentials.errors.samePassword"] },
    });
  });

  test("[ACC-1] a changed password: old refused, new accepted, owner told by e-mail, other sessions ended only on request", async () => {
    const user = await createUser(db);
    const other = await signIn(user.email);
    const current = await signIn(user.email);
    const res = await changePassword(db, current.actor, { password: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(res).toEqual({ otherSessions: 1 });
    await expect(signIn(user.email)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const again = await signIn(user.email, NEW_PASSWORD);
    expect(again.userId).toBe(user.id);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.passwordChanged" } })).toBe(1);

    const mail = await waitForMail(mailbox(), { to: user.email, subjectIncludes: "password was changed", timeoutMs: 15_000 });
    expect(extractLinks(mail).some((l) => l.endsWith("/forgot-password"))).toBe(true);

    // Still signed in elsewhere until the owner asks.
    expect(await resolveSession(db, other.secret)).not.toBeNull();
    const ended = await revokeOtherUserSessions(db, current.actor);
    expect(ended.revoked).toBe(2); // the first browser and the sign-in just above
    expect(await resolveSession(db, other.secret)).toBeNull();
    expect(await resolveSession(db, again.secret)).toBeNull();
    expect(await resolveSession(db, current.secret)).not.toBeNull();
  });

  test("[2FA-4] a session still waiting for its second step cannot change the password or the login e-mail", async () => {
    const user = await createUser(db);
    const { actor } = await signIn(user.email);
    await db.session.update({ where: { id: actor.sessionId }, data: { twoFactorPassedAt: null } });
    await expect(changePassword(db, actor, { password: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestEmailChange(db, actor, { email: `${unique("new")}@example.test`, password: DEFAULT_PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("[2FA-4] disabling 2FA keeps the other sessions but says how many could be ended", async () => {
    const user = await createUser(db);
    const other = await signIn(user.email);
    const { actor } = await signIn(user.email);
    await db.twoFactorMethod.create({ data: { userId: user.id, type: "TOTP", label: "Phone", secretEncrypted: "x", confirmedAt: new Date(), isDefault: true } });
    await expect(disableTwoFactor(db, actor, { password: DEFAULT_PASSWORD })).resolves.toEqual({ otherSessions: 1 });
    expect(await resolveSession(db, other.secret)).not.toBeNull();
    await revokeOtherUserSessions(db, actor);
    expect(await resolveSession(db, other.secret)).toBeNull();
  });
});

describe("changing the login e-mail", () => {
  async function requestChange(user: { email: string }, newEmail: string) {
    const { actor, secret } = await signIn(user.email);
    const [last] = await listCaughtMail(mailbox(), { limit: 1 });
    await requestEmailChange(db, actor, { email: newEmail.toUpperCase(), password: DEFAULT_PASSWORD });
    const mail = await waitForMail(mailbox(), { to: newEmail, afterId: last?.id, timeoutMs: 15_000 });
    const link = extractLinks(mail).find((l) => l.includes("/confirm-email/"));
    expect(link).toBeDefined();
    return { actor, sessionSecret: secret, token: link!.split("/confirm-email/")[1] };
  }

  test("[ACC-1] the login e-mail changes only once the link sent to the new address is used, and only once", async () => {
    const user = await createUser(db);
    const newEmail = `${unique("moved")}@example.test`;
    const { token, sessionSecret } = await requestChange(user, newEmail);

    // The old address is told; nothing has changed yet.
    const notice = await waitForMail(mailbox(), { to: user.email, subjectIncludes: "login e-mail requested", timeoutMs: 15_000 });
    expect(notice.text).toContain(newEmail);
    expect(extractLinks(notice).some((l) => l.includes("/confirm-email/"))).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    // Only the link's hash is stored, and the outbox copy of the mail has no secret.
    expect(await db.emailChangeRequest.count({ where: { tokenHash: token } })).toBe(0);
    const stored = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: newEmail, template: "emailChangeConfirm" } });
    expect(stored.textBody).not.toContain(token);
    expect(stored.textBody).toContain(REDACTED);

    expect(await findEmailChange(db, token)).toEqual({ newEmail, confirmation: false });
    await expect(confirmEmailChange(db, { token })).resolves.toEqual({ userId: user.id, email: newEmail });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: { in: ["auth.emailChangeRequested", "auth.emailChanged"] } } })).toBe(2);
    // The session that asked stays signed in; sign-in now takes the new address only.
    expect(await resolveSession(db, sessionSecret)).not.toBeNull();
    await expect(signIn(newEmail)).resolves.toMatchObject({ userId: user.id });
    await expect(signIn(user.email)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    // Single use.
    expect(await findEmailChange(db, token)).toBeNull();
    await expect(confirmEmailChange(db, { token })).rejects.toMatchObject({ code: "NOT_FOUND", message: "credentials.errors.linkInvalid" });
  });

  test("[SEC-2] an unproven account that changes its login e-mail by the link has a proven address", async () => {
    const user = await createUser(db, { emailVerifiedAt: null });
    const newEmail = `${unique("proven")}@example.test`;
    const { token } = await requestChange(user, newEmail);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
    await confirmEmailChange(db, { token });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
  });

  test("[ACC-1] the confirmation link expires after 24 hours", async () => {
    const user = await createUser(db);
    const newEmail = `${unique("late")}@example.test`;
    const t0 = new Date();
    clock.set(t0);
    const { token } = await requestChange(user, newEmail);
    clock.set(new Date(t0.getTime() + 24 * HOUR - MINUTE));
    expect(await findEmailChange(db, token)).not.toBeNull();
    clock.set(new Date(t0.getTime() + 24 * HOUR + MINUTE));
    expect(await findEmailChange(db, token)).toBeNull();
    await expect(confirmEmailChange(db, { token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  test("[ACC-1] an address used by another account is refused without saying more, and nothing is sent to it", async () => {
    const [user, taken] = [await createUser(db), await createUser(db)];
    const { actor } = await signIn(user.email);
    await expect(requestEmailChange(db, actor, { email: taken.email, password: DEFAULT_PASSWORD })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: ["credentials.errors.emailUnavailable"] },
    });
    expect(await db.emailOutbox.count({ where: { toAddress: taken.email } })).toBe(0);
    expect(await db.emailChangeRequest.count({ where: { userId: user.id } })).toBe(0);
    await expect(requestEmailChange(db, actor, { email: user.email, password: DEFAULT_PASSWORD })).rejects.toMatchObject({ fieldErrors: { email: ["credentials.errors.sameEmail"] } });
    await expect(requestEmailChange(db, actor, { email: `${unique("x")}@example.test`, password: "wrong password" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("[ACC-1] change requests are rate-limited, since each mails an address the user typed", async () => {
    const user = await createUser(db);
    const { actor } = await signIn(user.email);
    for (let i = 0; i < 5; i++) await requestEmailChange(db, actor, { email: `${unique("spam")}@example.test`, password: DEFAULT_PASSWORD });
    const blocked = `${unique("spam")}@example.test`;
    await expect(requestEmailChange(db, actor, { email: blocked, password: DEFAULT_PASSWORD })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.emailOutbox.count({ where: { toAddress: blocked } })).toBe(0);
  });

  test("[ACC-1] an address taken after the request is refused at confirmation; a newer request voids the older link", async () => {
    const user = await createUser(db);
    const wanted = `${unique("race")}@example.test`;
    const first = await requestChange(user, wanted);
    const second = await requestChange(user, `${unique("other")}@example.test`);
    await expect(confirmEmailChange(db, { token: first.token })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const third = await requestChange(user, wanted);
    await createUser(db, { email: wanted });
    await expect(confirmEmailChange(db, { token: third.token })).rejects.toMatchObject({ code: "CONFLICT", message: "credentials.errors.emailUnavailable" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    await expect(confirmEmailChange(db, { token: second.token })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

