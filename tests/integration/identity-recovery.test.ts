import { afterEach, describe, expect, inject, test } from "vitest";
import type { StaffActor } from "@/lib/access/actor";
import { resetPassword } from "@/lib/accounts/password-reset";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { clock, HOUR, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { extractLinks, waitForMail } from "@/lib/dev/mailbox";
import { decideVerification } from "@/lib/identity/decide-case";
import { describeResetLink } from "@/lib/identity/recovery-link";
import { mapError } from "@/lib/http/map-error";
import { REDACTED } from "@/lib/mail/templates";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { createStaffUser, createUser, DEFAULT_PASSWORD, unique } from "../factories";

afterEach(() => clock.reset());

const db = getDb();
const asStaff = (userId: string): StaffActor => ({ kind: "staff", userId, sessionId: "s", staffRole: "SUPERVISOR", ip: "192.0.2.9", userAgent: "back office" });
const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string }) => e.code ?? String(e));

/** A submitted forgotten-login case: the person's reachable address, the account if their login e-mail matched one. */
async function submittedCase(reason: "FORGOTTEN_PASSWORD" | "FORGOTTEN_LOGIN", userId: string | null) {
  const contact = `${unique("reachable")}@example.test`;
  const row = await db.identityVerification.create({
    data: { userId, email: contact, reason, tokenHash: hashSecret(randomSecret()), status: "SUBMITTED", submittedAt: now() },
  });
  return { caseId: row.id, contact };
}

async function recoveryToken(contact: string): Promise<string> {
  const mail = await waitForMail(inject("mailboxUrl"), { to: contact, timeoutMs: 15_000 });
  const link = extractLinks(mail).find((l) => l.includes("/reset-password/"));
  expect(link).toBeDefined();
  return link!.split("/reset-password/")[1];
}

describe("approving a forgotten-login identity case (IDV-1)", () => {
  test("[IDV-1] forgotten password: approval changes nothing by itself; the verified address gets a single-use, expiring, hashed link for the account", async () => {
    const user = await createUser(db);
    const supervisor = await createStaffUser(db, { staffRole: "SUPERVISOR" });
    const { caseId, contact } = await submittedCase("FORGOTTEN_PASSWORD", user.id);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, email: true } });

    await decideVerification(db, asStaff(supervisor.id), { caseId, decision: "approve" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, email: true } })).toEqual(before);
    const stored = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: contact, template: "identityRecovery" } });
    expect(stored.textBody).toContain(REDACTED);
    expect(await db.emailOutbox.count({ where: { toAddress: user.email } })).toBe(0);

    const token = await recoveryToken(contact);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
    const row = await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } });
    expect(row).toMatchObject({ userId: user.id, caseId, usedAt: null });
    expect(row.expiresAt.getTime() - now().getTime()).toBeGreaterThan(24 * HOUR - 60_000);
    expect(await describeResetLink(db, token)).toEqual({ usable: true, loginEmail: user.email });
    // Nothing automatic: the former password works until the link is used.
    expect(await codeOf(signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: "192.0.2.51" }))).toBe("allowed");

    await resetPassword(db, { token, password: "a fresh password 2026", confirm: "a fresh password 2026" });
    expect(await codeOf(signInWithPassword(db, { email: user.email, password: "a fresh password 2026" }, { ip: "192.0.2.50" }))).toBe("allowed");
    // Single use.
    expect(await codeOf(resetPassword(db, { token, password: "yet another one 2026", confirm: "yet another one 2026" }))).toBe("NOT_FOUND");
    expect((await db.auditLog.findFirstOrThrow({ where: { targetId: caseId, action: "identityVerification.recoveryLinkSent" } })).actorKind).toBe("STAFF");
  });

  test("[IDV-1] forgotten login e-mail: staff name the account the documents match; the link shows its login e-mail and expires after 24 hours", async () => {
    const user = await createUser(db);
    const supervisor = await createStaffUser(db, { staffRole: "SUPERVISOR" });
    const { caseId, contact } = await submittedCase("FORGOTTEN_LOGIN", null);

    // No account named, an unknown one, a staff account: refused with a field error, nothing decided.
    const missing = await decideVerification(db, asStaff(supervisor.id), { caseId, decision: "approve" }).catch((e: unknown) => mapError(e));
    expect(missing).toMatchObject({ status: 422, fieldErrors: { accountEmail: ["backofficeVerifications.errors.accountRequired"] } });
    for (const accountEmail of [`${unique("nobody")}@example.test`, supervisor.email]) {
      const wrong = await decideVerification(db, asStaff(supervisor.id), { caseId, decision: "approve", accountEmail }).catch((e: unknown) => mapError(e));
      expect(wrong).toMatchObject({ status: 422, fieldErrors: { accountEmail: ["backofficeVerifications.errors.accountNotFound"] } });
    }
    expect((await db.identityVerification.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("SUBMITTED");
    expect(await db.passwordResetToken.count({ where: { caseId } })).toBe(0);

    await decideVerification(db, asStaff(supervisor.id), { caseId, decision: "approve", accountEmail: user.email.toUpperCase() });
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "APPROVED", userId: user.id });
    const token = await recoveryToken(contact);
    expect(await describeResetLink(db, token)).toEqual({ usable: true, loginEmail: user.email });
    clock.set(new Date(now().getTime() + 24 * HOUR + 60_000));
    expect(await describeResetLink(db, token)).toEqual({ usable: false, loginEmail: null });
    expect(await codeOf(resetPassword(db, { token, password: "too late password 2026", confirm: "too late password 2026" }))).toBe("NOT_FOUND");
  });
});
