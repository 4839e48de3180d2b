import { afterEach, describe, expect, test } from "vitest";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import type { UserActor } from "@/lib/auth/get-actor";
import { resolveSession } from "@/lib/auth/sessions";
import { clock, MINUTE, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { decrypt } from "@/lib/security/encryption";
import { smsGateway } from "@/lib/sms/gateway";
import { normalisePhoneNumber } from "@/lib/sms/phone-number";
import { SmsError } from "@/lib/sms/types";
import { lastSandboxSms, listSandboxSms } from "@/lib/sms/sandbox-store";
import { answerPushChallenge } from "@/lib/two-factor/answer-push-challenge";
import { completePushChallenge } from "@/lib/two-factor/complete-push-challenge";
import { confirmSmsEnrolment } from "@/lib/two-factor/confirm-sms-enrolment";
import { deviceOverview } from "@/lib/two-factor/device-overview";
import { makeDefaultMethod } from "@/lib/two-factor/make-default-method";
import { describePairing, pairPushDevice } from "@/lib/two-factor/pair-push-device";
import { pushEnrolmentStatus } from "@/lib/two-factor/push-enrolment-status";
import { removeTwoFactorMethod } from "@/lib/two-factor/remove-method";
import { resendSmsEnrolmentCode } from "@/lib/two-factor/resend-sms-enrolment-code";
import { sendSignInSms } from "@/lib/two-factor/send-sign-in-sms";
import { startPushChallenge } from "@/lib/two-factor/start-push-challenge";
import { startPushEnrolment } from "@/lib/two-factor/start-push-enrolment";
import { startSmsEnrolment } from "@/lib/two-factor/start-sms-enrolment";
import { verifySecondFactor } from "@/lib/two-factor/verify-second-factor";
import { createUser, DEFAULT_PASSWORD } from "../factories";


const db = getDb();
const T0 = new Date("2026-04-07T08:00:05Z");
const PHONE_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36";
const LAPTOP_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Gecko/20100101 Firefox/130.0";

afterEach(() => clock.reset());

let phoneSeq = 0;
/** A unique Swiss mobile number per call (the sandbox keys messages by number). */
function uniquePhone(): string {
  phoneSeq += 1;
  return `+4179${String(Math.floor(Math.random() * 9000) + 1000)}${String(phoneSeq).padStart(3, "0")}`;
}

async function signIn(email: string) {
  const res = await signInWithPassword(db, { email, password: DEFAULT_PASSWORD }, { ip: "203.0.113.7", userAgent: LAPTOP_UA });
  const actor: UserActor = { kind: "user", userId: res.userId, sessionId: res.sessionId, staffRole: null, ip: "203.0.113.7", userAgent: LAPTOP_UA };
  return { ...res, actor, pending: { id: res.sessionId, userId: res.userId, twoFactorPassed: !res.twoFactorPending, staffRole: null } };
}

const pairingSecretOf = (url: string) => url.split("/device/pair/")[1];

/** A user whose phone browser is paired as a push device; answers the device's cookie secret. */
async function pairedUser() {
  clock.set(T0);
  const user = await createUser(db);
  const first = await signIn(user.email);
  const enrolment = await startPushEnrolment(db, first.actor, { label: "", password: DEFAULT_PASSWORD });
  const { deviceSecret } = await pairPushDevice(db, pairingSecretOf(enrolment.pairingUrl), { ip: "198.51.100.9", userAgent: PHONE_UA });
  return { user, first, deviceSecret, methodId: enrolment.methodId, pairingUrl: enrolment.pairingUrl };
}

async function smsCodeSentTo(phone: string): Promise<string> {
  const sms = await lastSandboxSms(db, phone);
  // The sandbox orders messages by acceptance time: the next one must not share this (fixed) instant.
  clock.advance(1000);
  const code = sms?.body.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

/** A user with an active SMS method (enrolled at T0). */
async function smsUser() {
  clock.set(T0);
  const user = await createUser(db);
  const first = await signIn(user.email);
  const phone = uniquePhone();
  const started = await startSmsEnrolment(db, first.actor, { phone, password: DEFAULT_PASSWORD });
  await confirmSmsEnrolment(db, first.actor, { methodId: started.methodId, code: await smsCodeSentTo(phone) });
  return { user, first, phone, methodId: started.methodId };
}

describe("push device (kAuth)", () => {
  test("[2FA-1] [2FA-5] the pairing link works once, within 10 minutes; the device gets its own secret and offline code", async () => {
    clock.set(T0);
    const user = await createUser(db, { email: `pairing-${Date.now()}@example.com` });
    const s = await signIn(user.email);
    await expect(startPushEnrolment(db, s.actor, { password: "wrong password" })).rejects.toMatchObject({ message: "security.errors.wrongPassword" });
    const enrolment = await startPushEnrolment(db, s.actor, { label: "Phone", password: DEFAULT_PASSWORD });
    expect(enrolment.pairingUrl).toMatch(/\/device\/pair\/[A-Za-z0-9_-]{40,}$/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = pairingSecretOf(enrolment.pairingUrl);
    expect(await describePairing(db, secret)).toEqual({ maskedEmail: `p•••@example.com` });
    // Not active before the device confirms.
    expect((await signIn(user.email)).twoFactorPending).toBe(false);
    expect(await pushEnrolmentStatus(db, s.actor, { methodId: enrolment.methodId })).toEqual({ status: "pending", backupCodes: null });

    const paired = await pairPushDevice(db, secret, { userAgent: PHONE_UA });
    expect(paired.deviceSecret).not.toBe(secret);
    await expect(pairPushDevice(db, secret, { userAgent: PHONE_UA })).rejects.toMatchObject({ message: "devices.errors.pairingInvalid" });
    expect(await describePairing(db, secret)).toBeNull();
    const method = await db.twoFactorMethod.findUniqueOrThrow({ where: { id: enrolment.methodId } });
    expect(method).toMatchObject({ type: "PUSH", isDefault: true, label: "Phone" });
    expect(method.confirmedAt).not.toBeNull();
    expect(method.secretEncrypted).toMatch(/^v1:/);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.twoFactorMethodAdded", targetId: method.id } })).toBe(1);
    // 2FA-2: the first method's backup codes are answered once, to the computer that started the pairing.
    const status = await pushEnrolmentStatus(db, s.actor, { methodId: enrolment.methodId });
    expect(status.status).toBe("paired");
    expect(status.backupCodes).toHaveLength(10);
    expect((await pushEnrolmentStatus(db, s.actor, { methodId: enrolment.methodId })).backupCodes).toBeNull();

    const view = await deviceOverview(db, paired.deviceSecret);
    expect(view).toMatchObject({ paired: true, maskedEmail: "p•••@example.com", requests: [] });
    expect(view.paired && view.offlineCode).toMatch(/^\d{6}$/);
    expect(view.paired && view.secondsLeft).toBe(25);
    expect((await signIn(user.email)).twoFactorPending).toBe(true);

    // A second device: its link dies after 10 minutes.
    const other = await startPushEnrolment(db, s.actor, { password: DEFAULT_PASSWORD });
    clock.advance(10 * MINUTE + 1000);
    expect(await describePairing(db, pairingSecretOf(other.pairingUrl))).toBeNull();
    await expect(pairPushDevice(db, pairingSecretOf(other.pairingUrl))).rejects.toMatchObject({ message: "devices.errors.pairingInvalid" });
    expect(await pushEnrolmentStatus(db, s.actor, { methodId: other.methodId })).toEqual({ status: "expired", backupCodes: null });
  });

  test("[2FA-1] [2FA-5] YES on the device completes the second step exactly once", async () => {
    const { user, deviceSecret, methodId } = await pairedUser();
    const s = await signIn(user.email);
    expect(s.twoFactorPending).toBe(true);
    const challenge = await startPushChallenge(db, s.pending, { methodId }, { ip: "203.0.113.7", userAgent: LAPTOP_UA });
    // One pending request per session: asking again answers the same one.
    expect((await startPushChallenge(db, s.pending, { methodId })).challengeId).toBe(challenge.challengeId);
    expect(await completePushChallenge(db, s.pending, challenge)).toBe("PENDING");

    const view = await deviceOverview(db, deviceSecret);
    expect(view.paired && view.requests).toEqual([expect.objectContaining({ id: challenge.challengeId, ip: "203.0.113.7", browser: "Firefox", os: "macOS" })]);
    // Another device's cookie cannot answer it.
    await expect(answerPushChallenge(db, "not-a-device", { challengeId: challenge.challengeId, answer: "approve" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await answerPushChallenge(db, deviceSecret, { challengeId: challenge.challengeId, answer: "approve" });
    await expect(answerPushChallenge(db, deviceSecret, { challengeId: challenge.challengeId, answer: "deny" })).rejects.toMatchObject({ message: "devices.errors.requestGone" });

    const [a, b] = await Promise.allSettled([completePushChallenge(db, s.pending, challenge), completePushChallenge(db, s.pending, challenge)]);
    expect([a, b].filter((r) => r.status === "fulfilled" && r.value === "PASSED")).toHaveLength(1);
    expect(await resolveSession(db, s.secret)).toMatchObject({ twoFactorPassed: true });
    await expect(completePushChallenge(db, s.pending, challenge)).rejects.toMatchObject({ message: "devices.errors.requestUsed" });
    expect(await db.twoFactorChallenge.findUniqueOrThrow({ where: { id: challenge.challengeId } })).toMatchObject({ status: "USED" });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.twoFactorPassed" } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.pushApproved" } })).toBe(1);

    // Another session cannot use that approval.
    const other = await signIn(user.email);
    await expect(completePushChallenge(db, other.pending, challenge)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await resolveSession(db, other.secret)).toMatchObject({ twoFactorPassed: false });
  });

  test("[2FA-1] NO on the device refuses the sign-in; a new request can be sent", async () => {
    const { user, deviceSecret, methodId } = await pairedUser();
    const s = await signIn(user.email);
    const first = await startPushChallenge(db, s.pending, { methodId });
    await answerPushChallenge(db, deviceSecret, { challengeId: first.challengeId, answer: "deny" });
    expect(await completePushChallenge(db, s.pending, first)).toBe("DENIED");
    expect(await resolveSession(db, s.secret)).toMatchObject({ twoFactorPassed: false });
    const again = await startPushChallenge(db, s.pending, { methodId });
    expect(again.challengeId).not.toBe(first.challengeId);
    const view = await deviceOverview(db, deviceSecret);
    expect(view.paired && view.requests.map((r) => r.id)).toEqual([again.challengeId]);
  });

  test("[2FA-1] a request expires after 2 minutes: the device can no longer answer it", async () => {
    const { user, deviceSecret, methodId } = await pairedUser();
    const s = await signIn(user.email);
    const challenge = await startPushChallenge(db, s.pending, { methodId });
    clock.advance(2 * MINUTE + 1000);
    expect(await completePushChallenge(db, s.pending, challenge)).toBe("EXPIRED");
    await expect(answerPushChallenge(db, deviceSecret, { challengeId: challenge.challengeId, answer: "approve" })).rejects.toMatchObject({ message: "devices.errors.requestGone" });
    const view = await deviceOverview(db, deviceSecret);
    expect(view.paired && view.requests).toEqual([]);
    expect(await resolveSession(db, s.secret)).toMatchObject({ twoFactorPassed: false });
  });

  test("[2FA-1] [2FA-5] the device's offline code is accepted once at the second step; replayed, it is refused", async () => {
    const { user, deviceSecret } = await pairedUser();
    clock.set(new Date(T0.getTime() + 90_000));
    const view = await deviceOverview(db, deviceSecret);
    if (!view.paired) throw new Error("not paired");
    const a = await signIn(user.email);
    await verifySecondFactor(db, a.pending, { kind: "totp", code: view.offlineCode });
    expect(await resolveSession(db, a.secret)).toMatchObject({ twoFactorPassed: true });
    const b = await signIn(user.email);
    await expect(verifySecondFactor(db, b.pending, { kind: "totp", code: view.offlineCode })).rejects.toMatchObject({ message: "twoFactor.errors.wrongCode" });
    expect(await resolveSession(db, b.secret)).toMatchObject({ twoFactorPassed: false });
  });

  test("[2FA-4] removing the push device needs the password; the device then is no longer paired", async () => {
    const { user, first, deviceSecret, methodId } = await pairedUser();
    const s = await signIn(user.email);
    const challenge = await startPushChallenge(db, s.pending, { methodId });
    await expect(removeTwoFactorMethod(db, first.actor, { methodId, password: "wrong password" })).rejects.toMatchObject({ message: "security.errors.wrongPassword" });
    // A session that did not pass the second step cannot remove it.
    await expect(removeTwoFactorMethod(db, s.actor, { methodId, password: DEFAULT_PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeTwoFactorMethod(db, first.actor, { methodId, password: DEFAULT_PASSWORD });
    expect(await deviceOverview(db, deviceSecret)).toEqual({ paired: false });
    await expect(answerPushChallenge(db, deviceSecret, { challengeId: challenge.challengeId, answer: "approve" })).rejects.toMatchObject({ message: "devices.errors.notPaired" });
  });
});

describe("SMS codes", () => {
  test("[2FA-1] [2FA-5] enrolment by a code sent by SMS, then a sign-in code that works once", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const s = await signIn(user.email);
    const phone = uniquePhone();
    const typed = `${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5, 8)} ${phone.slice(8)}`;
    const started = await startSmsEnrolment(db, s.actor, { phone: typed, password: DEFAULT_PASSWORD });
    expect(started.maskedPhone).toBe(`+41 ••• •• ${phone.slice(-2)}`);
    const code = await smsCodeSentTo(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code: wrong })).rejects.toMatchObject({ message: "devices.errors.wrongCode" });
    const confirmed = await confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code });
    expect(confirmed).toMatchObject({ enabled: true });
    expect(confirmed.backupCodes).toHaveLength(10);
    await expect(confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const p = await signIn(user.email);
    expect(p.twoFactorPending).toBe(true);
    const sent = await sendSignInSms(db, p.pending, { methodId: started.methodId });
    expect(sent.maskedPhone).toBe(started.maskedPhone);
    const signInCode = await smsCodeSentTo(phone);
    expect((await lastSandboxSms(db, phone))?.body).toContain("10");
    await verifySecondFactor(db, p.pending, { kind: "sms", code: signInCode });
    expect(await resolveSession(db, p.secret)).toMatchObject({ twoFactorPassed: true });
    // The code is spent: another session cannot use it either.
    const q = await signIn(user.email);
    await sendSignInSms(db, q.pending, { methodId: started.methodId });
    const qCode = await smsCodeSentTo(phone);
    await expect(verifySecondFactor(db, q.pending, { kind: "sms", code: signInCode === qCode ? "999999" : signInCode })).rejects.toMatchObject({
      message: "twoFactor.errors.wrongCode",
    });
    expect(await db.twoFactorChallenge.count({ where: { userId: user.id, status: "USED" } })).toBe(2);
  });

  test("[2FA-5] five wrong SMS codes kill the code; a new code can be sent", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const s = await signIn(user.email);
    const phone = uniquePhone();
    const started = await startSmsEnrolment(db, s.actor, { phone, password: DEFAULT_PASSWORD });
    const code = await smsCodeSentTo(phone);
    const wrong = code === "123456" ? "654321" : "123456";
    for (let i = 0; i < 4; i++) {
      await expect(confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code: wrong })).rejects.toMatchObject({ message: "devices.errors.wrongCode" });
    }
    await expect(confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code: wrong })).rejects.toMatchObject({ message: "devices.errors.tooManyAttempts" });
    await expect(confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code })).rejects.toMatchObject({ message: "devices.errors.wrongCode" });
    await resendSmsEnrolmentCode(db, s.actor, { methodId: started.methodId });
    const fresh = await smsCodeSentTo(phone);
    await confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code: fresh });
    expect(await db.twoFactorMethod.findUniqueOrThrow({ where: { id: started.methodId } })).toMatchObject({ confirmedAt: expect.any(Date) });
  });

  test("[2FA-5] an SMS code expires after 10 minutes; sends are rate-limited", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const s = await signIn(user.email);
    const phone = uniquePhone();
    const started = await startSmsEnrolment(db, s.actor, { phone, password: DEFAULT_PASSWORD });
    const code = await smsCodeSentTo(phone);
    clock.advance(10 * MINUTE + 1000);
    await expect(confirmSmsEnrolment(db, s.actor, { methodId: started.methodId, code })).rejects.toMatchObject({ message: "devices.errors.codeExpired" });
    // 1 sent so far; 4 more resends are allowed, the next one is refused.
    for (let i = 0; i < 4; i++) await resendSmsEnrolmentCode(db, s.actor, { methodId: started.methodId });
    await expect(resendSmsEnrolmentCode(db, s.actor, { methodId: started.methodId })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await listSandboxSms(db, { to: phone })).toHaveLength(5);
  });

  test("[2FA-1] sandbox operator: invalid numbers, unreachable numbers (…0000), one message per reference", async () => {
    clock.set(T0);
    expect(normalisePhoneNumber("079 123")).toBeNull();
    expect(normalisePhoneNumber("0041 79 123 45 67")).toBe("+41791234567");
    await expect(smsGateway().send({ to: "0791234567", body: "x", reference: `r-${Date.now()}` })).rejects.toMatchObject({ failure: "INVALID_NUMBER" });
    await expect(smsGateway().send({ to: "+41790000000", body: "x", reference: `r-${Date.now()}` })).rejects.toBeInstanceOf(SmsError);
    const reference = `ref-${Date.now()}`;
    const phone = uniquePhone();
    const one = await smsGateway().send({ to: phone, body: "first", reference });
    const two = await smsGateway().send({ to: phone, body: "second", reference });
    expect(two).toEqual({ messageId: one.messageId, duplicate: true });
    expect((await listSandboxSms(db, { to: phone })).map((m) => m.body)).toEqual(["first"]);

    // Through enrolment: translated refusals, and nothing pending left behind.
    const user = await createUser(db);
    const s = await signIn(user.email);
    await expect(startSmsEnrolment(db, s.actor, { phone: "12 34", password: DEFAULT_PASSWORD })).rejects.toMatchObject({
      message: "devices.errors.invalidPhone",
      fieldErrors: { phone: ["devices.errors.invalidPhone"] },
    });
    await expect(startSmsEnrolment(db, s.actor, { phone: "+41 79 000 00 00", password: DEFAULT_PASSWORD })).rejects.toMatchObject({
      fieldErrors: { phone: ["devices.errors.sms.UNREACHABLE"] },
    });
    expect(await db.twoFactorMethod.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.twoFactorChallenge.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("default method and secrets at rest", () => {
  test("[2FA-1] make default leaves exactly one default, also under concurrent calls; the second step opens on it", async () => {
    const { user, first, methodId: smsId } = await smsUser();
    const enrolment = await startPushEnrolment(db, first.actor, { password: DEFAULT_PASSWORD });
    await pairPushDevice(db, pairingSecretOf(enrolment.pairingUrl), { userAgent: PHONE_UA });
    const defaults = () => db.twoFactorMethod.findMany({ where: { userId: user.id, isDefault: true }, select: { id: true } });
    expect(await defaults()).toEqual([{ id: smsId }]);

    await makeDefaultMethod(db, first.actor, { methodId: enrolment.methodId });
    expect(await defaults()).toEqual([{ id: enrolment.methodId }]);
    for (let i = 0; i < 3; i++) {
      await Promise.all([makeDefaultMethod(db, first.actor, { methodId: smsId }), makeDefaultMethod(db, first.actor, { methodId: enrolment.methodId })]);
      expect(await defaults()).toHaveLength(1);
    }
    await makeDefaultMethod(db, first.actor, { methodId: smsId });
    const order = await db.twoFactorMethod.findMany({ where: { userId: user.id, confirmedAt: { not: null } }, orderBy: [{ isDefault: "desc" }, { confirmedAt: "asc" }], select: { id: true } });
    expect(order[0].id).toBe(smsId);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.twoFactorDefaultChanged" } })).toBeGreaterThanOrEqual(2);

    // Another person's method is not found; a password-only session may not change it.
    const stranger = await smsUser();
    await expect(makeDefaultMethod(db, stranger.first.actor, { methodId: smsId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const pending = await signIn(user.email);
    await expect(makeDefaultMethod(db, pending.actor, { methodId: enrolment.methodId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("[2FA-5] nothing secret is stored in clear in the methods and challenges tables", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const s = await signIn(user.email);
    const enrolment = await startPushEnrolment(db, s.actor, { password: DEFAULT_PASSWORD });
    const pairingSecret = pairingSecretOf(enrolment.pairingUrl);
    const pendingRows = JSON.stringify(await db.$queryRaw`SELECT * FROM "TwoFactorMethod" WHERE "userId" = ${user.id}`, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(pendingRows).not.toContain(pairingSecret);
    const { deviceSecret } = await pairPushDevice(db, pairingSecret, { userAgent: PHONE_UA });
    const phone = uniquePhone();
    const started = await startSmsEnrolment(db, s.actor, { phone, password: DEFAULT_PASSWORD });
    const smsCode = await smsCodeSentTo(phone);

    const methods = await db.twoFactorMethod.findMany({ where: { userId: user.id } });
    const offlineSecret = decrypt(methods.find((m) => m.type === "PUSH")!.secretEncrypted!);
    const dump = JSON.stringify(
      [await db.$queryRaw`SELECT * FROM "TwoFactorMethod" WHERE "userId" = ${user.id}`, await db.$queryRaw`SELECT * FROM "TwoFactorChallenge" WHERE "userId" = ${user.id}`],
      (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v),
    );
    for (const secret of [pairingSecret, deviceSecret, offlineSecret, smsCode]) expect(dump).not.toContain(secret);
    expect(await db.twoFactorChallenge.count({ where: { methodId: started.methodId, codeHash: { not: null } } })).toBe(1);
    expect(now().getTime()).toBeGreaterThan(T0.getTime());
  });
});
