import { describe, expect, inject, test } from "vitest";
import { confirmEmailChange, findEmailChange } from "@/lib/accounts/confirm-email-change";
import { resendEmailConfirmation } from "@/lib/accounts/resend-email-confirmation";
import { signUp } from "@/lib/accounts/sign-up";
import type { UserActor } from "@/lib/access/actor";
import { clock, HOUR, now } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { extractLinks, waitForMail } from "@/lib/dev/mailbox";
import { verifyPassword } from "@/lib/security/passwords";
import { hashSecret } from "@/lib/security/tokens";
import { createUser, unique } from "../factories";

/** The account and Organization a sign-up made, found by its address (the answer names neither, SEC-2). */
async function created(db: Db, email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
  return { userId: user.id, orgId: user.lastOrgId! };
}

/** The secret of the newest confirmation link mailed to `to`. */
async function confirmationLink(to: string, afterId?: number) {
  const mail = await waitForMail(inject("mailboxUrl"), { to: to.toLowerCase(), afterId, timeoutMs: 15_000 });
  const link = extractLinks(mail).find((l) => l.includes("/confirm-email/"));
  expect(link, "a confirmation link").toBeTruthy();
  return { mail, token: link!.split("/confirm-email/")[1] };
}

/** A client address of its own per sign-up, so that tests stay clear of the per-address limit. */
let clients = 0;
const client = () => ({ ip: `203.0.113.${++clients}` });

const asUser = (userId: string): UserActor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

const base = () => ({
  firstName: "Ada",
  lastName: "Muster",
  email: `${unique("signup")}@Example.test`,
  password: "a long enough password",
  country: "CH" as const,
  locale: "de" as const,
});

describe("sign-up", () => {
  test("[ACC-2] creates the account and a new Organization whose legal representative is the new user", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    expect(await signUp(db, input, client())).toEqual({ email: input.email.toLowerCase() });
    const { userId, orgId } = await created(db, input.email);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe(input.email.toLowerCase());
    expect(user.locale).toBe("de");
    expect(user.lastOrgId).toBe(orgId);
    const memberships = await db.membership.findMany({ where: { orgId } });
    expect(memberships).toEqual([expect.objectContaining({ userId, role: "LEGAL_REPRESENTATIVE" })]);
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org).toMatchObject({ name: "Ada Muster", entityType: "INDIVIDUAL", currency: "CHF" });
    expect(await db.auditLog.count({ where: { orgId, action: "account.signedUp" } })).toBe(1);
  });

  test("[ACC-1] the password is stored only as an argon2 hash", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    await signUp(db, input, client());
    const { userId } = await created(db, input.email);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(input.password);
    expect(await verifyPassword(passwordHash, input.password)).toBe(true);
  });

  test("[ACC-3] a company gives its name and country; an EU company may give a valid VAT number", async () => {
    const db = getDb();
    const input = base();
    await signUp(db, {
      ...input,
      entityType: "COMPANY",
      organizationName: "Muster GmbH",
      country: "DE",
      vatNumber: "DE 136 695 976",
      vatTermsAccepted: true,
    }, client());
    const { orgId } = await created(db, input.email);
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org).toMatchObject({ name: "Muster GmbH", country: "DE", currency: "EUR", vatNumber: "DE136695976", vatNumberValid: true });
    expect(org.vatTermsAcceptedAt).not.toBeNull();
  });

  test("[VAT-2] a Swiss company's EU VAT number is refused with an explanation, and nothing is created", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "COMPANY" as const, organizationName: "Alp AG", country: "CH" as const, vatNumber: "CHE-123.456.789", vatTermsAccepted: true };
    await expect(signUp(db, input, client())).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["vatNumber"], message: "validation.vatNotEu" })] });
    expect(await db.user.count({ where: { email: input.email.toLowerCase() } })).toBe(0);
  });

  test("[VAT-2] a VAT number that does not match the country's format is refused", async () => {
    const input = { ...base(), entityType: "COMPANY" as const, organizationName: "X GmbH", country: "DE" as const, vatNumber: "DE123", vatTermsAccepted: true };
    await expect(signUp(getDb(), input)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "validation.vatInvalid" })] });
  });

  test("[VAT-3] saving a VAT number requires accepting the terms of use", async () => {
    const input = { ...base(), entityType: "COMPANY" as const, organizationName: "Y GmbH", country: "DE" as const, vatNumber: "DE136695976" };
    await expect(signUp(getDb(), input)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["vatTermsAccepted"] })] });
  });

  test("[SEC-2][ACC-2] a sign-up with an address that has an account answers the same, creates nothing and tells the owner", async () => {
    const db = getDb();
    const owner = await createUser(db, { email: `${unique("taken")}@example.test`, locale: "fr" });
    const fresh = { ...base(), entityType: "INDIVIDUAL" as const };
    const orgs = await db.organization.count();
    const users = await db.user.count();

    const forTaken = await signUp(db, { ...fresh, email: owner.email.toUpperCase(), password: "someone else's password" }, client());
    const forNew = await signUp(db, fresh, client());
    // The same answer, naming only the address typed (lower-cased).
    expect(forTaken).toEqual({ email: owner.email });
    expect(forNew).toEqual({ email: fresh.email.toLowerCase() });
    expect(Object.keys(forTaken)).toEqual(Object.keys(forNew));

    // Only the new address made an account and an Organization; the owner's account is untouched.
    expect(await db.organization.count()).toBe(orgs + 1);
    expect(await db.user.count()).toBe(users + 1);
    expect(await db.user.findUniqueOrThrow({ where: { id: owner.id } })).toEqual(owner);
    // The owner is told, in their language, with no link that acts on the account.
    const notice = await waitForMail(inject("mailboxUrl"), { to: owner.email, timeoutMs: 15_000 });
    expect(notice.subject).toContain("Quelqu’un a tenté de créer un compte");
    expect(extractLinks(notice).every((l) => l.endsWith("/sign-in") || l.endsWith("/forgot-password"))).toBe(true);
    expect(await db.emailChangeRequest.count({ where: { userId: owner.id } })).toBe(0);
  });

  test("[SEC-2] sign-up mails a single-use link that proves the address; until then the account is unconfirmed", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    await signUp(db, input, client());
    const { userId } = await created(db, input.email);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toBeNull();

    const { mail, token } = await confirmationLink(input.email);
    expect(mail.subject).toContain("Bestätigen Sie Ihre");
    // Stored only as a hash, like every other link.
    const row = await db.emailChangeRequest.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findEmailChange(db, token)).toEqual({ newEmail: input.email.toLowerCase(), confirmation: true });

    expect(await confirmEmailChange(db, { token })).toEqual({ userId, email: input.email.toLowerCase() });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.email).toBe(input.email.toLowerCase());
    expect(await db.auditLog.count({ where: { targetId: userId, action: "auth.emailConfirmed" } })).toBe(1);
    await expect(confirmEmailChange(db, { token })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[SEC-2] the confirmation link expires after 24 hours", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    await signUp(db, input, client());
    const { token } = await confirmationLink(input.email);
    try {
      clock.set(new Date(now().getTime() + 24 * HOUR + 60_000));
      expect(await findEmailChange(db, token)).toBeNull();
      await expect(confirmEmailChange(db, { token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      clock.reset();
    }
    expect((await db.user.findUniqueOrThrow({ where: { email: input.email.toLowerCase() } })).emailVerifiedAt).toBeNull();
  });

  test("[SEC-2] sending the link again replaces the old one, is limited to 3 an hour, and stops once confirmed", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    await signUp(db, input, client());
    const { userId } = await created(db, input.email);
    const first = await confirmationLink(input.email);
    await resendEmailConfirmation(db, asUser(userId));
    const second = await confirmationLink(input.email, first.mail.id);
    expect(second.token).not.toBe(first.token);
    await expect(confirmEmailChange(db, { token: first.token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await resendEmailConfirmation(db, asUser(userId));
    await resendEmailConfirmation(db, asUser(userId));
    const mails = await db.emailOutbox.count({ where: { toAddress: input.email.toLowerCase() } });
    await expect(resendEmailConfirmation(db, asUser(userId))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.emailOutbox.count({ where: { toAddress: input.email.toLowerCase() } })).toBe(mails);

    const confirmed = await createUser(db);
    expect(await resendEmailConfirmation(db, asUser(confirmed.id))).toEqual({ email: confirmed.email, sent: false });
    expect(await db.emailOutbox.count({ where: { toAddress: confirmed.email } })).toBe(0);
  });

  test("[SEC-2] sign-up is limited per client address: past 10 an hour it is refused, creates nothing and mails nobody", async () => {
    const db = getDb();
    const ip = "198.51.100.23";
    for (let i = 0; i < 10; i++) await signUp(db, { ...base(), entityType: "INDIVIDUAL" }, { ip });
    const extra = { ...base(), entityType: "INDIVIDUAL" as const };
    const mails = await db.emailOutbox.count();
    await expect(signUp(db, extra, { ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // An address with an account is refused alike: the limit comes before the address is looked at.
    const owner = await createUser(db);
    await expect(signUp(db, { ...extra, email: owner.email }, { ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.user.count({ where: { email: extra.email.toLowerCase() } })).toBe(0);
    expect(await db.emailOutbox.count()).toBe(mails);
    // Another client address is not affected.
    await signUp(db, extra, { ip: "198.51.100.24" });
    expect(await db.user.count({ where: { email: extra.email.toLowerCase() } })).toBe(1);
  });

  test("[ACC-3] bad input is refused field by field", async () => {
    await expect(signUp(getDb(), { ...base(), entityType: "COMPANY", email: "not-an-email", password: "short" })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["email"] }),
        expect.objectContaining({ path: ["password"], message: "validation.passwordTooShort" }),
        expect.objectContaining({ path: ["organizationName"], message: "validation.required" }),
      ]),
    });
  });
});
