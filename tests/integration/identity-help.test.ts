import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { requestIdentityCheck } from "@/lib/identity/request-identity-check";
import { REDACTED } from "@/lib/mail/templates";
import { createUser, unique } from "../factories";

const db = getDb();
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string; name?: string }) => e.code ?? e.name ?? String(e));

describe("identity verification from the sign-in help (IDV-1)", () => {
  test("[IDV-1] forgot the password and lost the login e-mail: a case tied to the account, the account's phone, the link at the reachable address", async () => {
    const user = await createUser(db, { phone: "+41 79 123 45 67" });
    const contact = `${unique("reachable")}@example.test`;
    const answer = await requestIdentityCheck(db, { reason: "FORGOTTEN_PASSWORD", loginEmail: user.email.toUpperCase(), contactEmail: contact, locale: "fr" }, { ip: address() });
    expect(answer.email).toBe(contact);
    const found = await db.identityVerification.findFirstOrThrow({ where: { email: contact } });
    expect(found).toMatchObject({ userId: user.id, reason: "FORGOTTEN_PASSWORD", status: "OPEN", phone: "+41791234567" });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: contact, template: "verificationRequested" } });
    expect(mail.locale).toBe("fr");
    expect(mail.textBody).toContain("mot de passe");
    expect(mail.textBody).toContain(REDACTED);
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: found.id } });
    expect(log).toMatchObject({ action: "identityVerification.opened", actorKind: "ANONYMOUS", actorId: user.id });
  });

  test("[IDV-1] [SEC-2] an unknown login e-mail gets the same answer, and a forgotten login e-mail needs none: the case goes to staff without an account", async () => {
    const unknownContact = `${unique("c1")}@example.test`;
    const unknown = await requestIdentityCheck(db, { reason: "FORGOTTEN_PASSWORD", loginEmail: `${unique("nobody")}@example.test`, contactEmail: unknownContact }, { ip: address() });
    expect(Object.keys(unknown)).toEqual(["email", "expiresAt"]);
    expect(await db.identityVerification.findFirstOrThrow({ where: { email: unknownContact } })).toMatchObject({ userId: null, status: "PHONE_CONFIRMED", phone: null });

    const forgotLogin = `${unique("c2")}@example.test`;
    await requestIdentityCheck(db, { reason: "FORGOTTEN_LOGIN", contactEmail: forgotLogin, locale: "de" }, { ip: address() });
    expect(await db.identityVerification.findFirstOrThrow({ where: { email: forgotLogin } })).toMatchObject({ reason: "FORGOTTEN_LOGIN", userId: null });
    expect((await db.emailOutbox.findFirstOrThrow({ where: { toAddress: forgotLogin } })).textBody).toContain("Login-E-Mail");

    // A forgotten password needs the login e-mail; a bad address is refused before anything is written.
    expect(await codeOf(requestIdentityCheck(db, { reason: "FORGOTTEN_PASSWORD", contactEmail: `${unique("c3")}@example.test` }, { ip: address() }))).toBe("ZodError");
    expect(await codeOf(requestIdentityCheck(db, { reason: "FORGOTTEN_LOGIN", contactEmail: "not-an-address" }, { ip: address() }))).toBe("ZodError");
  });

  test("[IDV-1] [SEC-9] requests are limited per contact address and per client address", async () => {
    const contact = `${unique("flood")}@example.test`;
    for (let i = 0; i < 3; i++) await requestIdentityCheck(db, { reason: "FORGOTTEN_LOGIN", contactEmail: contact }, { ip: address() });
    expect(await codeOf(requestIdentityCheck(db, { reason: "FORGOTTEN_LOGIN", contactEmail: contact }, { ip: address() }))).toBe("RATE_LIMITED");
    const ip = "203.0.113.77";
    for (let i = 0; i < 5; i++) await requestIdentityCheck(db, { reason: "FORGOTTEN_LOGIN", contactEmail: `${unique("ip")}@example.test` }, { ip });
    expect(await codeOf(requestIdentityCheck(db, { reason: "FORGOTTEN_LOGIN", contactEmail: `${unique("ip")}@example.test` }, { ip }))).toBe("RATE_LIMITED");
    expect(await db.identityVerification.count({ where: { email: contact } })).toBe(3);
  });
});
