import { encode } from "next-auth/jwt";
import { generate } from "otplib";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { GET as documentRoute } from "@/app/(console)/backoffice/verifications/[caseId]/documents/[documentId]/route";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { getActor } from "@/lib/auth/get-actor";
import { backofficeOverview } from "@/lib/backoffice/overview";
import { clock, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { decideVerification } from "@/lib/identity/decide-case";
import { listOpenVerifications } from "@/lib/identity/list-cases";
import { confirmTotpEnrolment } from "@/lib/two-factor/confirm-totp-enrolment";
import { startTotpEnrolment } from "@/lib/two-factor/start-totp-enrolment";
import { verifySecondFactor } from "@/lib/two-factor/verify-second-factor";
import { createStaffUser, DEFAULT_PASSWORD } from "../factories";
import { browser } from "./support/browser-session";

// getActor reads the session cookie through next/headers: the cookie jar is `browser`, the sessions are real.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);

const db = getDb();
const META = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" };

beforeEach(() => clock.set(new Date("2026-03-02T10:00:05Z")));
afterEach(() => {
  clock.reset();
  browser.cookie = undefined;
});

/** Signs in with the password as the sign-in form does; the browser's cookie carries the new session. */
async function passwordSignIn(email: string) {
  const res = await signInWithPassword(db, { email, password: DEFAULT_PASSWORD }, META);
  browser.cookie = await encode({ token: { sid: res.secret }, secret: process.env.NEXTAUTH_SECRET! });
  return res;
}

const totp = (secret: string) => generate({ secret, epoch: Math.floor(now().getTime() / 1000) });

async function photoStatus() {
  const res = await documentRoute(new Request("http://localhost/backoffice/verifications/c/documents/d"), { params: Promise.resolve({ caseId: "c1", documentId: "d1" }) });
  return res.status;
}

describe("staff and the second factor (SEC-3)", () => {
  test("[SEC-3] staff act as staff only from a session that passed a second factor: not without 2FA, not after enrolling one in a password-only session, not once the last method is gone", async () => {
    const supervisor = await createStaffUser(db, { staffRole: "SUPERVISOR" });
    const caseRow = await db.identityVerification.create({ data: { email: "someone@example.test", reason: "LOST_TWO_FACTOR", tokenHash: `h-${supervisor.id}` } });
    const refused = { code: "FORBIDDEN", message: "backoffice.errors.twoFactorRequired" };

    // No 2FA at all: the password signs in, but the back office refuses.
    await passwordSignIn(supervisor.email);
    let actor = (await getActor())!;
    expect(actor).toMatchObject({ userId: supervisor.id, staffRole: "SUPERVISOR", secondFactor: false });
    await expect(backofficeOverview(db, actor)).rejects.toMatchObject(refused);
    await expect(listOpenVerifications(db, actor)).rejects.toMatchObject(refused);
    await expect(decideVerification(db, actor, { caseId: caseRow.id, decision: "reject" })).rejects.toMatchObject(refused);
    expect(await photoStatus()).toBe(403);

    // An authenticator app enrolled from that password-only session does not make it a 2FA session.
    const enrolment = await startTotpEnrolment(db, actor, { label: "Phone" });
    await confirmTotpEnrolment(db, actor, { methodId: enrolment.methodId, code: await totp(enrolment.secret) });
    actor = (await getActor())!;
    expect(actor.secondFactor).toBe(false);
    await expect(backofficeOverview(db, actor)).rejects.toMatchObject(refused);

    // Signing in again with the second factor opens the back office.
    clock.advance(30_000);
    const second = await passwordSignIn(supervisor.email);
    expect(second.twoFactorPending).toBe(true);
    expect(await getActor()).toBeNull();
    await verifySecondFactor(db, { id: second.sessionId, userId: supervisor.id, twoFactorPassed: false, staffRole: "SUPERVISOR" }, { kind: "totp", code: await totp(enrolment.secret) }, META);
    actor = (await getActor())!;
    expect(actor.secondFactor).toBe(true);
    await expect(backofficeOverview(db, actor)).resolves.toMatchObject({ openVerifications: expect.any(Number) });
    await expect(listOpenVerifications(db, actor)).resolves.toEqual(expect.any(Array));
    expect(await photoStatus()).toBe(404);

    // Without any second factor left (removed by an approved recovery, say), that session no longer counts.
    await db.twoFactorMethod.deleteMany({ where: { userId: supervisor.id } });
    actor = (await getActor())!;
    expect(actor.secondFactor).toBe(false);
    await expect(backofficeOverview(db, actor)).rejects.toMatchObject(refused);
    expect(await photoStatus()).toBe(403);
  });
});
