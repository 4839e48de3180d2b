import { createHash, randomInt } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "otplib";
import { afterEach, describe, expect, inject, test } from "vitest";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import type { UserActor } from "@/lib/auth/get-actor";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { clock, HOUR, MINUTE, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { extractLinks, listCaughtMail, waitForMail } from "@/lib/dev/mailbox";
import { getCaseView } from "@/lib/identity/case-link";
import { confirmPhone } from "@/lib/identity/confirm-phone";
import { decideVerification } from "@/lib/identity/decide-case";
import { getVerification } from "@/lib/identity/get-case";
import { listOpenVerifications } from "@/lib/identity/list-cases";
import { purgeIdentityFiles } from "@/lib/identity/purge-files";
import { readIdentityDocument } from "@/lib/identity/read-document";
import { requestTwoFactorHelp } from "@/lib/identity/request-help";
import { MAX_FILE_BYTES } from "@/lib/identity/rules";
import { sendPhoneCode } from "@/lib/identity/send-phone-code";
import { identityRoot } from "@/lib/identity/storage";
import { submitDocuments } from "@/lib/identity/submit-documents";
import { lastSandboxSms } from "@/lib/sms/sandbox-store";
import { confirmTotpEnrolment } from "@/lib/two-factor/confirm-totp-enrolment";
import { startTotpEnrolment } from "@/lib/two-factor/start-totp-enrolment";
import { createStaffUser, createUser, DEFAULT_PASSWORD } from "../factories";



const db = getDb();
const mailbox = inject("mailboxUrl");
const T0 = new Date("2026-03-02T10:00:05Z");
const META = { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" };

afterEach(() => clock.reset());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x24, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);
const image = (magic: Buffer, name: string, type = "image/png") => new File([Buffer.concat([magic, Buffer.alloc(64, 7)])], name, { type });
const phoneNumber = () => `+4179${String(randomInt(1_000_000, 9_999_999))}`;

function staffActor(userId: string, staffRole: StaffRole = "SUPERVISOR"): UserActor {
  return { kind: "user", userId, sessionId: "staff-session", staffRole, secondFactor: true, ip: META.ip, userAgent: META.userAgent };
}

/** A user with an authenticator app (and, unless told otherwise, a mobile number on the profile), signed in with the password and waiting at the second step. */
async function userAtSecondStep(phone: string | null = phoneNumber()) {
  const user = await createUser(db, { phone });
  const first = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, META);
  const actor: UserActor = { kind: "user", userId: user.id, sessionId: first.sessionId, staffRole: null, ...META };
  const enrolment = await startTotpEnrolment(db, actor, { label: "Phone" });
  await confirmTotpEnrolment(db, actor, { methodId: enrolment.methodId, code: await generate({ secret: enrolment.secret, epoch: Math.floor(now().getTime() / 1000) }) });
  const second = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, META);
  expect(second.twoFactorPending).toBe(true);
  return { user, actor, pending: { id: second.sessionId, userId: user.id, twoFactorPassed: false, staffRole: null } };
}

/** The case link of the newest verification mail to `email` (newer than `afterId`): the only place it goes (SEC-3). */
async function mailedCaseLink(email: string, afterId?: number) {
  const mail = await waitForMail(mailbox, { to: email, subjectIncludes: "identity verification link", afterId });
  const link = extractLinks(mail).find((l) => l.includes("/verify/"))!;
  return { link, secret: link.split("/verify/")[1], mailId: Number(mail.id) };
}

async function openCase(phone: string | null = phoneNumber()) {
  const at = await userAtSecondStep(phone);
  const help = await requestTwoFactorHelp(db, at.pending, META);
  const { secret } = await mailedCaseLink(at.user.email);
  const row = await db.identityVerification.findFirstOrThrow({ where: { userId: at.user.id } });
  return { ...at, help, secret, caseId: row.id, phone };
}

async function confirmPhoneOf(secret: string) {
  const { phone } = await db.identityVerification.findUniqueOrThrow({ where: { tokenHash: createHash("sha256").update(secret).digest("hex") } });
  await sendPhoneCode(db, { secret }, "en", META);
  const code = (await lastSandboxSms(db, phone!))!.body.match(/\b\d{6}\b/)![0];
  await confirmPhone(db, { secret, code }, META);
  return phone;
}

async function submittedCase() {
  const c = await openCase();
  await confirmPhoneOf(c.secret);
  await submitDocuments(db, { secret: c.secret, documentType: "PASSPORT", front: image(PNG, "page.png"), selfie: image(JPEG, "me.jpg", "image/jpeg") }, META);
  return c;
}

const caseFiles = (caseId: string) => (existsSync(path.join(identityRoot(), caseId)) ? readdirSync(path.join(identityRoot(), caseId)) : []);

describe("request help", () => {
  test("[2FA-3] [IDV-1] [SEC-3] request help opens one case per user; its link goes to the login e-mail only, never to the page; asking again renews and re-sends it", async () => {
    const at = await userAtSecondStep();
    const first = await requestTwoFactorHelp(db, at.pending, META);
    expect(first).toEqual({ email: at.user.email, expiresAt: expect.any(Date), reused: false, phoneMasked: expect.stringMatching(/^\+41 ••• •• \d\d$/) });
    const mailed = await mailedCaseLink(at.user.email);
    expect(mailed.link).toMatch(/^http:\/\/localhost:3000\/verify\/[A-Za-z0-9_-]{40,}$/);
    // SEC-3: the password-only session that asked learns nothing that opens the case.
    expect(JSON.stringify(first)).not.toContain(mailed.secret);
    expect(JSON.stringify(first)).not.toContain("/verify/");
    const cases = await db.identityVerification.findMany({ where: { userId: at.user.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ reason: "LOST_TWO_FACTOR", status: "OPEN", email: at.user.email });

    // Asked again (also twice at once): still one case, a new link by e-mail, the old one is dead.
    const [again, twice] = await Promise.all([requestTwoFactorHelp(db, at.pending, META), requestTwoFactorHelp(db, at.pending, META)]);
    expect(again.reused && twice.reused).toBe(true);
    expect(await db.identityVerification.count({ where: { userId: at.user.id } })).toBe(1);
    expect(await getCaseView(db, mailed.secret)).toBeNull();
    await mailedCaseLink(at.user.email, mailed.mailId);
    const renewals = (await listCaughtMail(mailbox, { to: at.user.email, sinceId: mailed.mailId })).flatMap((m) => extractLinks(m).filter((l) => l.includes("/verify/")));
    expect(renewals).toHaveLength(2);
    // The two renewals ran one after the other on the user's row lock: the later one's link is the live one.
    const views = await Promise.all(renewals.map((l) => getCaseView(db, l.split("/verify/")[1])));
    expect(views.filter((v) => v?.status === "OPEN")).toHaveLength(1);
  });

  test("[2FA-3] only a session waiting for its second step may ask for help", async () => {
    const at = await userAtSecondStep();
    await expect(requestTwoFactorHelp(db, { ...at.pending, id: at.actor.sessionId }, META)).rejects.toMatchObject({ message: "verification.errors.notNeeded" });
    await expect(requestTwoFactorHelp(db, { ...at.pending, userId: (await createUser(db)).id }, META)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.identityVerification.count({ where: { userId: at.user.id } })).toBe(0);
  });

  test("[SEC-3] [IDV-2] the phone checked is the account's own (its SMS method's, else the profile's), never one the link holder types; without one the case goes to staff without the phone step", async () => {
    // An SMS method's number comes before the profile's.
    const smsPhone = phoneNumber();
    const at = await userAtSecondStep(phoneNumber());
    await db.twoFactorMethod.create({ data: { userId: at.user.id, type: "SMS", label: "Phone", phone: smsPhone, confirmedAt: now() } });
    await requestTwoFactorHelp(db, at.pending, META);
    const { secret } = await mailedCaseLink(at.user.email);
    expect(await getCaseView(db, secret)).toMatchObject({ status: "OPEN", phoneMasked: `+41 ••• •• ${smsPhone.slice(-2)}` });
    const attacker = phoneNumber();
    await sendPhoneCode(db, { secret, phone: attacker }, "en", META);
    expect(await lastSandboxSms(db, attacker)).toBeFalsy();
    expect((await lastSandboxSms(db, smsPhone))!.body).toMatch(/\b\d{6}\b/);

    // Only the profile's number: that one.
    const profile = await openCase();
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: profile.caseId } })).toMatchObject({ phone: profile.phone, status: "OPEN" });

    // No phone at all: no phone step; the photos are next, and staff see that no phone was checked.
    const none = await openCase(null);
    expect(none.help.phoneMasked).toBeNull();
    expect(await getCaseView(db, none.secret)).toMatchObject({ status: "PHONE_CONFIRMED", phoneMasked: null });
    await expect(sendPhoneCode(db, { secret: none.secret, phone: attacker }, "en", META)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await lastSandboxSms(db, attacker)).toBeFalsy();
    await submitDocuments(db, { secret: none.secret, documentType: "PASSPORT", front: image(PNG, "page.png"), selfie: image(JPEG, "me.jpg", "image/jpeg") }, META);
    const staff = staffActor((await createStaffUser(db)).id);
    expect(await getVerification(db, staff, none.caseId)).toMatchObject({ status: "SUBMITTED", phoneMasked: null });
  });
});

describe("phone confirmation", () => {
  test("[IDV-2] a code sent by SMS confirms the phone: a wrong code is refused, a code expires after 10 minutes and works once", async () => {
    clock.set(T0);
    const c = await openCase();
    const phone = c.phone!;
    await sendPhoneCode(db, { secret: c.secret }, "en");
    const first = (await lastSandboxSms(db, phone))!.body.match(/\b\d{6}\b/)![0];
    const wrong = first === "000000" ? "111111" : "000000";
    await expect(confirmPhone(db, { secret: c.secret, code: wrong })).rejects.toMatchObject({ fieldErrors: { code: ["verification.errors.wrongCode"] } });

    clock.advance(10 * MINUTE + 1000);
    await expect(confirmPhone(db, { secret: c.secret, code: first })).rejects.toMatchObject({ fieldErrors: { code: ["verification.errors.codeExpired"] } });

    await sendPhoneCode(db, { secret: c.secret }, "en");
    const second = (await lastSandboxSms(db, phone))!.body.match(/\b\d{6}\b/)![0];
    clock.advance(9 * MINUTE);
    await confirmPhone(db, { secret: c.secret, code: second });
    const row = await db.identityVerification.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(row).toMatchObject({ status: "PHONE_CONFIRMED", phone, phoneCodeHash: null });
    await expect(confirmPhone(db, { secret: c.secret, code: second })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("[IDV-2] after five wrong codes the code is void; an unreachable number leaves no usable code", async () => {
    const c = await openCase();
    await sendPhoneCode(db, { secret: c.secret }, "en");
    const code = (await lastSandboxSms(db, c.phone!))!.body.match(/\b\d{6}\b/)![0];
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await expect(confirmPhone(db, { secret: c.secret, code: wrong })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(confirmPhone(db, { secret: c.secret, code })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(confirmPhone(db, { secret: c.secret, code })).rejects.toMatchObject({ fieldErrors: { code: ["verification.errors.wrongCode"] } });

    // The sandbox operator cannot reach numbers ending in 0000.
    const unreachable = await openCase(`+4179${String(randomInt(100, 999))}0000`);
    await expect(sendPhoneCode(db, { secret: unreachable.secret }, "en")).rejects.toMatchObject({ message: "verification.errors.smsUNREACHABLE" });
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: unreachable.caseId } })).toMatchObject({ status: "OPEN", phoneCodeHash: null });
  });
});

describe("documents", () => {
  test("[IDV-2] photos must be real JPEG, PNG or WebP images of at most 10 MB, all of them present; they are stored outside public/", async () => {
    const c = await openCase();
    const passport = { secret: c.secret, documentType: "PASSPORT", front: image(PNG, "page.png"), selfie: image(PNG, "me.png") };
    await expect(submitDocuments(db, passport)).rejects.toMatchObject({ message: "verification.errors.phoneFirst" });
    await confirmPhoneOf(c.secret);

    const textAsJpeg = new File(["just some text, not a photo"], "passport.jpg", { type: "image/jpeg" });
    await expect(submitDocuments(db, { ...passport, front: textAsJpeg })).rejects.toMatchObject({ fieldErrors: { front: ["verification.errors.fileType"] } });
    const huge = new File([Buffer.concat([PNG, Buffer.alloc(MAX_FILE_BYTES)])], "big.png", { type: "image/png" });
    await expect(submitDocuments(db, { ...passport, selfie: huge })).rejects.toMatchObject({ fieldErrors: { selfie: ["verification.errors.fileTooLarge"] } });
    await expect(submitDocuments(db, { secret: c.secret, documentType: "ID_CARD", front: image(JPEG, "f.jpg"), selfie: image(PNG, "s.png") })).rejects.toMatchObject({
      fieldErrors: { back: ["verification.errors.fileRequired"] },
    });
    expect(caseFiles(c.caseId)).toHaveLength(0);
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: c.caseId } })).toMatchObject({ status: "PHONE_CONFIRMED" });

    await submitDocuments(db, { secret: c.secret, documentType: "ID_CARD", front: image(JPEG, "f.jpg"), back: image(WEBP, "b.webp"), selfie: image(PNG, "s.png") }, META);
    const docs = await db.identityDocument.findMany({ where: { caseId: c.caseId }, orderBy: { kind: "asc" } });
    expect(docs.map((d) => [d.kind, d.mimeType])).toEqual([
      ["FRONT", "image/jpeg"],
      ["BACK", "image/webp"],
      ["SELFIE", "image/png"],
    ]);
    expect(caseFiles(c.caseId)).toHaveLength(3);
    const publicDir = path.resolve("public");
    for (const d of docs) {
      const full = path.resolve(identityRoot(), d.storagePath);
      expect(existsSync(full)).toBe(true);
      expect(path.relative(publicDir, full).startsWith("..")).toBe(true);
      expect(path.basename(full)).not.toMatch(/\.(png|jpe?g|webp)$/);
    }
    expect(await getCaseView(db, c.secret)).toMatchObject({ status: "SUBMITTED" });
    await expect(submitDocuments(db, passport)).rejects.toMatchObject({ message: "verification.errors.alreadySubmitted" });
  });

  test("[IDV-2] [IDV-3] only staff see the cases and read the photos", async () => {
    const c = await submittedCase();
    const staff = staffActor((await createStaffUser(db)).id);
    const [doc] = await db.identityDocument.findMany({ where: { caseId: c.caseId, kind: "FRONT" } });
    const read = await readIdentityDocument(db, staff, { caseId: c.caseId, documentId: doc.id });
    expect(read.mimeType).toBe("image/png");
    expect(read.bytes.subarray(0, 8)).toEqual(PNG);

    await expect(readIdentityDocument(db, c.actor, { caseId: c.caseId, documentId: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readIdentityDocument(db, { kind: "system", job: "test" }, { caseId: c.caseId, documentId: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVerification(db, c.actor, c.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listOpenVerifications(db, c.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decideVerification(db, c.actor, { caseId: c.caseId, decision: "approve" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Staff see the submitted case before those still waiting for the user, with a masked phone.
    const waiting = await openCase();
    const list = await listOpenVerifications(db, staff);
    const ids = list.map((x) => x.id);
    expect(ids.indexOf(c.caseId)).toBeLessThan(ids.indexOf(waiting.caseId));
    const detail = await getVerification(db, staff, c.caseId);
    expect(detail.phoneMasked).toMatch(/^\+41 ••• •• \d\d$/);
    expect(detail).not.toHaveProperty("phone");
  });
});

describe("decision", () => {
  test("[SEC-3] [SUP-4] a support agent reads a case but only a supervisor decides, never on their own case; the decision is logged as staff", async () => {
    const c = await submittedCase();
    const agent = await createStaffUser(db, { staffRole: "SUPPORT" });
    await expect(getVerification(db, staffActor(agent.id, "SUPPORT"), c.caseId)).resolves.toMatchObject({ mayDecide: false });
    await expect(decideVerification(db, staffActor(agent.id, "SUPPORT"), { caseId: c.caseId, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The person the case is about, even as a supervisor, cannot decide it.
    await db.user.update({ where: { id: c.user.id }, data: { staffRole: "SUPERVISOR" } });
    await expect(getVerification(db, staffActor(c.user.id), c.caseId)).resolves.toMatchObject({ mayDecide: false });
    await expect(decideVerification(db, staffActor(c.user.id), { caseId: c.caseId, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: c.caseId } })).toMatchObject({ status: "SUBMITTED" });
    const supervisor = await createStaffUser(db, { staffRole: "SUPERVISOR" });
    await expect(getVerification(db, staffActor(supervisor.id), c.caseId)).resolves.toMatchObject({ mayDecide: true });
    await decideVerification(db, staffActor(supervisor.id), { caseId: c.caseId, decision: "reject" });
    expect(await db.auditLog.findFirst({ where: { action: "identityVerification.rejected", targetId: c.caseId } })).toMatchObject({ actorKind: "STAFF", actorId: supervisor.id, targetType: "identityVerification" });
  });

  test("[IDV-2] [IDV-3] [2FA-3] approval removes every second factor, e-mails the user and deletes the photos", async () => {
    const c = await submittedCase();
    const staffUser = await createStaffUser(db);
    expect(caseFiles(c.caseId)).toHaveLength(2);
    expect(await db.backupCode.count({ where: { userId: c.user.id } })).toBe(10);

    await expect(decideVerification(db, staffActor(staffUser.id), { caseId: c.caseId, decision: "approve", note: "Passport matches the selfie." })).resolves.toEqual({ twoFactorRemoved: true });
    expect(await db.twoFactorMethod.count({ where: { userId: c.user.id } })).toBe(0);
    expect(await db.backupCode.count({ where: { userId: c.user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "auth.twoFactorReset", targetId: c.user.id, actorId: staffUser.id } })).toBe(1);
    const row = await db.identityVerification.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(row).toMatchObject({ status: "APPROVED", decidedById: staffUser.id, decisionNote: "Passport matches the selfie." });
    expect(row.filesDeletedAt).not.toBeNull();
    expect(await db.identityDocument.count({ where: { caseId: c.caseId } })).toBe(0);
    expect(caseFiles(c.caseId)).toHaveLength(0);

    const mail = await waitForMail(mailbox, { to: c.user.email, subjectIncludes: "has been verified" });
    expect(mail.text).toContain("sign in with your password alone");
    expect(await getCaseView(db, c.secret)).toMatchObject({ status: "CLOSED" });
    await expect(decideVerification(db, staffActor(staffUser.id), { caseId: c.caseId, decision: "reject" })).rejects.toMatchObject({ code: "CONFLICT" });

    // The password alone opens the account again.
    const signIn = await signInWithPassword(db, { email: c.user.email, password: DEFAULT_PASSWORD }, META);
    expect(signIn.twoFactorPending).toBe(false);
  });

  test("[IDV-2] [IDV-3] rejection e-mails the user in their language, deletes the photos and keeps 2FA", async () => {
    const c = await submittedCase();
    await db.user.update({ where: { id: c.user.id }, data: { locale: "de" } });
    const staffUser = await createStaffUser(db);
    await decideVerification(db, staffActor(staffUser.id), { caseId: c.caseId, decision: "reject", note: "Blurry photo." });
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: c.caseId } })).toMatchObject({ status: "REJECTED", decisionNote: "Blurry photo." });
    expect(await db.identityDocument.count({ where: { caseId: c.caseId } })).toBe(0);
    expect(caseFiles(c.caseId)).toHaveLength(0);
    expect(await db.twoFactorMethod.count({ where: { userId: c.user.id } })).toBe(1);
    const mail = await waitForMail(mailbox, { to: c.user.email, subjectIncludes: "nicht bestätigt" });
    expect(mail.subject).toContain("Ihre Identität konnte nicht bestätigt werden");

    // An open case that never got its photos can be rejected, not approved.
    const early = await openCase();
    await expect(decideVerification(db, staffActor(staffUser.id), { caseId: early.caseId, decision: "approve" })).rejects.toMatchObject({
      message: "backofficeVerifications.errors.notSubmitted",
    });
  });
});

describe("72-hour deletion", () => {
  test("[IDV-3] photos of a case not handled within 72 hours are deleted and the case expires; a 71-hour-old case keeps them", async () => {
    clock.set(T0);
    const old = await submittedCase();
    clock.set(new Date(T0.getTime() + HOUR));
    const recent = await submittedCase();
    // Left-over photos of a case that was already decided (a deletion that failed) go as well.
    const decided = await openCase();
    await db.identityVerification.update({ where: { id: decided.caseId }, data: { status: "REJECTED", filesDeletedAt: now() } });
    mkdirSync(path.join(identityRoot(), decided.caseId), { recursive: true });
    writeFileSync(path.join(identityRoot(), decided.caseId, "leftover"), PNG);

    clock.set(new Date(T0.getTime() + 72 * HOUR));
    const first = await purgeIdentityFiles(db);
    expect(first.expiredCases).toBeGreaterThanOrEqual(1);
    expect(first.deletedFiles).toBeGreaterThanOrEqual(3);
    const oldRow = await db.identityVerification.findUniqueOrThrow({ where: { id: old.caseId } });
    expect(oldRow.status).toBe("EXPIRED");
    expect(oldRow.filesDeletedAt).toEqual(now());
    expect(await db.identityDocument.count({ where: { caseId: old.caseId } })).toBe(0);
    expect(caseFiles(old.caseId)).toHaveLength(0);
    expect(caseFiles(decided.caseId)).toHaveLength(0);
    expect(await getCaseView(db, old.secret)).toMatchObject({ status: "CLOSED" });

    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: recent.caseId } })).toMatchObject({ status: "SUBMITTED", filesDeletedAt: null });
    expect(caseFiles(recent.caseId)).toHaveLength(2);
    expect(await db.identityDocument.count({ where: { caseId: recent.caseId } })).toBe(2);

    // Idempotent: nothing left to do.
    expect(await purgeIdentityFiles(db)).toEqual({ expiredCases: 0, deletedFiles: 0, deletedFolders: 0 });
  });
});

describe("secrets", () => {
  test("[IDV-2] [2FA-5] the case link and the phone code are stored only as hashes", async () => {
    const c = await openCase();
    await sendPhoneCode(db, { secret: c.secret }, "en");
    const code = (await lastSandboxSms(db, c.phone!))!.body.match(/\b\d{6}\b/)![0];
    const row = await db.identityVerification.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(c.secret).digest("hex"));
    expect(row.phoneCodeHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(c.secret);
    expect(row.phoneCodeHash).not.toContain(code);
    expect(row.phoneCodeHash).not.toBe(createHash("sha256").update(code).digest("hex"));
    // The copy of the e-mail kept in the outbox has the link's secret redacted.
    const outbox = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: c.user.email, template: "verificationRequested" } });
    expect(JSON.stringify(outbox)).not.toContain(c.secret);
  });
});
