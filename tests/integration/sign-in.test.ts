import { describe, expect, test } from "vitest";
import { inject } from "vitest";
import { deliverPasswordReset } from "@/lib/accounts/deliver-password-reset";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { resolveSession, revokeSession } from "@/lib/auth/sessions";
import { clock, HOUR } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { extractLinks, waitForMail } from "@/lib/dev/mailbox";
import { createUser, DEFAULT_PASSWORD, unique } from "../factories";

/** A reset request as the form makes it, then its delivery (run after the answer by the server). */
async function requestReset(db: Db, email: string, ip = "10.9.0.1") {
  const request = await requestPasswordReset(db, { email }, { ip });
  if (request) await deliverPasswordReset(db, request.requestId);
}

const meta = () => ({ ip: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

describe("sign-in", () => {
  test("[ACC-1] signs in with the login e-mail and password, creating a database session", async () => {
    const db = getDb();
    const user = await createUser(db);
    const res = await signInWithPassword(db, { email: user.email.toUpperCase(), password: DEFAULT_PASSWORD }, meta());
    expect(res.userId).toBe(user.id);
    const session = await resolveSession(db, res.secret);
    expect(session).toMatchObject({ userId: user.id, twoFactorPassed: true });
    const row = await db.session.findUniqueOrThrow({ where: { id: res.sessionId } });
    expect(row.tokenHash).not.toBe(res.secret);
  });

  test("[ACC-7] a wrong password and an unknown e-mail fail identically", async () => {
    const db = getDb();
    const user = await createUser(db);
    const m = meta();
    const wrong = await signInWithPassword(db, { email: user.email, password: "wrong password!" }, m).catch((e) => e);
    const unknown = await signInWithPassword(db, { email: `${unique("nobody")}@example.test`, password: "wrong password!" }, m).catch((e) => e);
    expect(wrong).toMatchObject({ code: "UNAUTHENTICATED", message: "errors.invalidCredentials" });
    expect(unknown).toMatchObject({ code: "UNAUTHENTICATED", message: "errors.invalidCredentials" });
  });

  test("[ACC-7] brute force locks the account for this address, even with the right password afterwards", async () => {
    const db = getDb();
    const user = await createUser(db);
    const m = meta();
    for (let i = 0; i < 5; i++) {
      await expect(signInWithPassword(db, { email: user.email, password: `guess-${i}-xxxxx` }, m)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, m)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Another address is not locked out by this one's failures.
    await expect(signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, meta())).resolves.toMatchObject({ userId: user.id });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.signInFailed" } })).toBe(5);
  });

  test("[ACC-7] a revoked session is refused on the very next request", async () => {
    const db = getDb();
    const user = await createUser(db);
    const res = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, meta());
    expect(await resolveSession(db, res.secret)).not.toBeNull();
    expect(await revokeSession(db, user.id, res.sessionId)).toBe(1);
    expect(await resolveSession(db, res.secret)).toBeNull();
  });
});

describe("password reset", () => {
  test("[ACC-4] an e-mailed link sets a new password once, and signs every session out", async () => {
    const db = getDb();
    const user = await createUser(db, { locale: "fr" });
    const session = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, meta());
    await requestReset(db, user.email);
    const mail = await waitForMail(inject("mailboxUrl"), { to: user.email, timeoutMs: 15_000 });
    expect(mail.subject).toMatch(/mot de passe/i);
    const link = extractLinks(mail).find((l) => l.includes("/reset-password/"));
    expect(link).toBeDefined();
    const token = link!.split("/reset-password/")[1];
    // Only a hash of the link is stored.
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);

    await resetPassword(db, { token, password: "brand new password", confirm: "brand new password" });
    expect(await resolveSession(db, session.secret)).toBeNull();
    await expect(signInWithPassword(db, { email: user.email, password: "brand new password" }, meta())).resolves.toMatchObject({ userId: user.id });
    await expect(resetPassword(db, { token, password: "another password!", confirm: "another password!" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "errors.resetLinkInvalid",
    });
  });

  test("[SEC-2][ACC-4] resetting the password of an unproven account by the mailed link proves its address", async () => {
    const db = getDb();
    const user = await createUser(db, { emailVerifiedAt: null });
    await requestReset(db, user.email);
    const mail = await waitForMail(inject("mailboxUrl"), { to: user.email, timeoutMs: 15_000 });
    const token = extractLinks(mail).find((l) => l.includes("/reset-password/"))!.split("/reset-password/")[1];
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
    await resetPassword(db, { token, password: "brand new password", confirm: "brand new password" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
  });

  test("[ACC-4] a reset link expires after one hour", async () => {
    const db = getDb();
    const user = await createUser(db);
    await requestReset(db, user.email);
    const mail = await waitForMail(inject("mailboxUrl"), { to: user.email, timeoutMs: 15_000 });
    const token = extractLinks(mail).find((l) => l.includes("/reset-password/"))!.split("/reset-password/")[1];
    clock.advance(HOUR + 1000);
    try {
      await expect(resetPassword(db, { token, password: "brand new password", confirm: "brand new password" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      clock.reset();
    }
  });

  test("[ACC-7] asking a reset for an unknown e-mail answers the same and sends nothing", async () => {
    const db = getDb();
    const email = `${unique("ghost")}@example.test`;
    const request = await requestPasswordReset(db, { email });
    expect(request).toMatchObject({ requestId: expect.any(String) });
    expect(await deliverPasswordReset(db, request!.requestId)).toBe("noAccount");
    expect(await db.emailOutbox.count({ where: { toAddress: email } })).toBe(0);
  });
});
