import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEmbeddedPostgres } from "../../lib/dev/embedded-postgres";
import type { RunningPostgres } from "../../lib/dev/embedded-postgres";
import { startMailCatcher } from "../../lib/dev/mail-catcher";
import type { RunningMailCatcher } from "../../lib/dev/mail-catcher";
import { extractLinks, listCaughtMail, waitForMail } from "../../lib/dev/mailbox";
import { resetMailTransport, sendMail } from "../../lib/mail/send";
import { MAIL_LOCALES, renderMail } from "../../lib/mail/templates";
import type { TemplateName, TemplateParams } from "../../lib/mail/templates";
import de from "../../lib/mail/messages/de.json";
import en from "../../lib/mail/messages/en.json";
import fr from "../../lib/mail/messages/fr.json";
import it from "../../lib/mail/messages/it.json";

const TIMEOUT = 60_000;

let postgres: RunningPostgres;
let catcher: RunningMailCatcher;
let db: string;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, PROVIDER_NAME: process.env.PROVIDER_NAME };

// Each test writes to its own address, so tests can share the mailbox and run in any order.
const inbox = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.test`;

const samples: { [K in TemplateName]: TemplateParams<K> } = {
  passwordReset: { link: "https://manager.localhost/reset?token=abc", expiresInMinutes: 30 },
  invitation: {
    inviterName: "Anna Muster",
    organizationName: "Acme SA",
    link: "https://manager.localhost/invite?token=def",
    expiresInDays: 7,
  },
  newSignIn: { when: new Date("2025-03-01T10:00:00Z"), ip: "203.0.113.7", device: "Firefox on Linux" },
  welcome: { name: "Anna", organizationName: "Acme SA", consoleUrl: "https://manager.localhost/" },
  emailConfirm: { email: "anna@example.test", link: "https://manager.localhost/confirm-email/jkl", expiresInHours: 24 },
  signUpAttempt: { signInUrl: "https://manager.localhost/sign-in", resetUrl: "https://manager.localhost/forgot-password" },
  apiTokenWarning: { tokenName: "Deploy", organizationName: "Acme SA", reason: "idle", when: new Date("2025-03-08T10:00:00Z"), days: 7, consoleUrl: "https://manager.localhost/o/api-tokens" },
  verificationRequested: { link: "https://manager.localhost/verify/abc", expiresAt: new Date("2025-03-04T10:00:00Z") },
  verificationApproved: { twoFactorRemoved: true, signInUrl: "https://manager.localhost/sign-in" },
  verificationRejected: { supportEmail: "support@manager.localhost" },
  passwordChanged: { when: new Date("2025-03-01T10:00:00Z"), resetUrl: "https://manager.localhost/forgot-password" },
  emailChangeConfirm: { newEmail: "anna@new.example", link: "https://manager.localhost/confirm-email/ghi", expiresInHours: 24 },
  emailChangeNotice: { newEmail: "anna@new.example", resetUrl: "https://manager.localhost/forgot-password" },
  twoFactorChanged: { change: "methodAdded", method: "TOTP", when: new Date("2025-03-01T10:00:00Z"), securityUrl: "https://manager.localhost/account/security" },
  supportReply: { subject: "Mail is down", link: "https://manager.localhost/o/support/r1" },
  supportClosed: { subject: "Mail is down", reason: "Fixed on our side.", link: "https://manager.localhost/o/support/r1" },
  identityRecovery: { link: "https://manager.localhost/reset-password/abc", expiresInHours: 24, reason: "FORGOTTEN_LOGIN" },
  accountDeleted: { name: "Anna" },
  tenderSubmitted: { title: "New website", validUntil: new Date("2025-04-01T23:59:59Z"), viewLink: "https://manager.localhost/tenders/view/mno", cancelLink: "https://manager.localhost/tenders/cancel/pqr" },
  tenderExtract: { title: "New website", excerpt: "We need a shop…", budget: "CHF 5000", validUntil: new Date("2025-04-01T23:59:59Z"), url: "https://manager.localhost/reseller/tenders/t1" },
  tenderProposal: { title: "New website", partner: "Helvetic Partners AG", email: "hello@partner.example", website: "https://partner.example", message: "We can do it.", price: "CHF 4'500.00", updated: false },
  partnerApproved: { companyName: "Acme SA", resellerUrl: "https://manager.localhost/reseller" },
  partnerRejected: { companyName: "Acme SA", reason: "No active website", supportEmail: "support@manager.localhost" },
  partnerInvitation: {
    clientName: "Acme SA",
    inviterName: "Anna Muster",
    access: "LIMITED",
    acceptLink: "https://manager.localhost/partner-invitations/mno",
    refuseLink: "https://manager.localhost/partner-invitations/mno?answer=refuse",
    expiresInDays: 14,
  },
  partnerPayerChanged: { clientName: "Acme SA", payer: "PARTNER", consoleUrl: "https://manager.localhost/reseller" },
  partnershipEnded: { clientName: "Acme SA", partnerName: "Helvetic Partners AG", endedBy: "client", consoleUrl: "https://manager.localhost/" },
  renewalReminder: { organizationName: "Acme SA", productName: "acme.ch", expiresAt: new Date("2025-04-01T00:00:00Z"), daysLeft: 30, settingDays: 30, url: "https://manager.localhost/o/payments/renewals" },
  autoRenewalReminder: {
    organizationName: "Acme SA",
    productName: "acme.ch",
    expiresAt: new Date("2025-04-01T00:00:00Z"),
    attemptAt: new Date("2025-03-18T00:00:00Z"),
    amount: "CHF 16.22",
    method: "Visa •••• 4242",
    url: "https://manager.localhost/o/payments/renewals",
  },
  renewalSucceeded: { organizationName: "Acme SA", productName: "acme.ch", until: new Date("2026-04-01T00:00:00Z"), amount: "CHF 16.22", method: "Visa •••• 4242", invoiceNumber: "INV-2025-000001", url: "https://manager.localhost/o/invoices/i" },
  invoiceIssued: { organizationName: "Acme SA", invoiceNumber: "INV-2025-000001", amount: "CHF 16.22", method: "Visa •••• 4242", url: "https://manager.localhost/o/invoices/i" },
  renewalFailed: {
    organizationName: "Acme SA",
    productName: "acme.ch",
    expiresAt: new Date("2025-04-01T00:00:00Z"),
    amount: "CHF 16.22",
    method: "Visa •••• 4242",
    failure: "DECLINED",
    nextAttemptAt: new Date("2025-03-22T00:00:00Z"),
    url: "https://manager.localhost/o/payments/renewals",
  },
  cardExpiring: { organizationName: "Acme SA", productName: "acme.ch", method: "Visa •••• 4242", attemptAt: new Date("2025-03-18T00:00:00Z"), url: "https://manager.localhost/o/payments/renewals" },
  renewalNoMethod: { organizationName: "Acme SA", partnerName: "Helvetic Partners AG", productName: "acme.ch", expiresAt: new Date("2025-04-01T00:00:00Z"), nextAttemptAt: new Date("2025-03-22T00:00:00Z"), url: "https://manager.localhost/o/payments" },
  orderBlocked: { orderNumber: "ORD-2025-000001", link: "https://manager.localhost/verify/mno", linkExpiresAt: new Date("2025-03-04T10:00:00Z"), cancelAt: new Date("2025-03-11T10:00:00Z") },
  orderCancelled: { orderNumber: "ORD-2025-000001", amountMinor: 12_345, currency: "CHF" },
  invoiceReminder: { invoiceNumber: "INV-2025-000001", amountMinor: 12_345, currency: "EUR", dueAt: new Date("2025-03-01T10:00:00Z"), second: false, link: "https://manager.localhost/o/invoices/i" },
  servicesSuspended: { invoiceNumber: "INV-2025-000001", amountMinor: 12_345, currency: "CHF", products: "example.ch", terminationAt: new Date("2025-04-20T10:00:00Z"), link: "https://manager.localhost/o/invoices/i" },
  servicesTerminated: { invoiceNumber: "INV-2025-000001", amountMinor: 12_345, currency: "CHF", products: "example.ch", link: "https://manager.localhost/o/invoices/i" },
};

beforeAll(async () => {
  const dataDir = fileURLToPath(new URL(`../../.data/mail-test-${process.pid}-${Date.now()}`, import.meta.url));
  postgres = await startEmbeddedPostgres({ dataDir, persistent: false, quiet: true });
  db = postgres.adminUrl;
  catcher = await startMailCatcher({ databaseUrl: db });
  process.env.SMTP_URL = catcher.smtpUrl;
  process.env.PROVIDER_NAME = "Helvetic Hosting";
  resetMailTransport();
}, TIMEOUT);

afterAll(async () => {
  resetMailTransport();
  await catcher?.stop();
  await postgres?.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}, TIMEOUT);

describe("e-mail over SMTP", () => {
  test("[NTF-1] a password-reset mail is delivered over SMTP to the catcher", { timeout: TIMEOUT }, async () => {
    const to = inbox("reset");
    const mail = renderMail("passwordReset", samples.passwordReset, "en");
    await sendMail({ to, ...mail });

    const caught = await waitForMail(db, { to, subjectIncludes: "Reset your", timeoutMs: 15_000 });
    expect(caught.subject).toBe("Reset your Helvetic Hosting password");
    expect(caught.rcptTo).toEqual([to]);
    expect(caught.mailFrom).toBe("no-reply@manager.localhost");
    expect(extractLinks(caught)).toEqual([samples.passwordReset.link]);
    expect(caught.html).toContain(`href="${samples.passwordReset.link}"`);
    expect(caught.text).toContain("30 minutes");
  });

  test("[NTF-1] an invitation in French keeps its accents and link through SMTP", { timeout: TIMEOUT }, async () => {
    const to = inbox("invite");
    await sendMail({ to, ...renderMail("invitation", samples.invitation, "fr") });

    const caught = await waitForMail(db, { to, subjectIncludes: "vous invite", timeoutMs: 15_000 });
    expect(caught.subject).toBe("Anna Muster vous invite à rejoindre Acme SA sur Helvetic Hosting");
    expect(caught.text).toContain("l’organisation Acme SA");
    expect(caught.text).toContain("7 jours");
    expect(extractLinks(caught)).toEqual([samples.invitation.link]);
    expect(caught.headers["subject"]).toBeDefined();
  });

  test("[NTF-1] envelope recipients are stored lowercased and mail is listed newest first", { timeout: TIMEOUT }, async () => {
    const to = inbox("mixed");
    const first = await sendMail({ to: to.toUpperCase(), ...renderMail("welcome", samples.welcome, "de") });
    expect(first.messageId).toBeTruthy();
    const older = await waitForMail(db, { to, timeoutMs: 15_000 });
    await sendMail({ to, ...renderMail("newSignIn", samples.newSignIn, "it") });
    const newer = await waitForMail(db, { to, afterId: older.id, timeoutMs: 15_000 });

    expect(older.rcptTo).toEqual([to]);
    expect(older.subject).toBe("Willkommen bei Helvetic Hosting, Anna");
    expect(newer.subject).toBe("Nuovo accesso al Suo account Helvetic Hosting");
    const listed = await listCaughtMail(db, { to: to.toUpperCase() });
    expect(listed.map((m) => m.id)).toEqual([newer.id, older.id]);
    expect(await listCaughtMail(db, { to, sinceId: newer.id })).toEqual([]);
  });

  test("[NTF-1] waiting for a mail that never comes fails after the timeout", { timeout: TIMEOUT }, async () => {
    await expect(waitForMail(db, { to: inbox("nobody"), timeoutMs: 300 })).rejects.toThrow(/No mail to nobody-/);
  });

  test("[NTF-1] the catcher refuses messages over its size limit", { timeout: TIMEOUT }, async () => {
    const to = inbox("huge");
    // A raw message: having nodemailer encode 11 MB of text would take seconds.
    const raw = `From: a@example.test\r\nTo: ${to}\r\nSubject: huge\r\n\r\n${`${"x".repeat(70)}\r\n`.repeat(160_000)}`;
    const client = nodemailer.createTransport(catcher.smtpUrl);
    try {
      await expect(client.sendMail({ envelope: { from: "a@example.test", to: [to] }, raw })).rejects.toThrow(/size/i);
    } finally {
      client.close();
    }
    expect(await listCaughtMail(db, { to })).toEqual([]);
  });

  test("[NTF-1] sending without SMTP_URL fails with a clear error", { timeout: TIMEOUT }, async () => {
    delete process.env.SMTP_URL;
    resetMailTransport();
    try {
      const mail = renderMail("passwordReset", samples.passwordReset, "en");
      await expect(sendMail({ to: inbox("unset"), ...mail })).rejects.toThrow(/SMTP_URL is not set/);
    } finally {
      process.env.SMTP_URL = catcher.smtpUrl;
      resetMailTransport();
    }
  });
});

describe("mail templates", () => {
  test.each(Object.keys(samples) as TemplateName[])("[NTF-1] %s has a different subject in each locale", (name) => {
    const render = <K extends TemplateName>(k: K, locale: string) => renderMail(k, samples[k], locale);
    const subjects = MAIL_LOCALES.map((locale) => render(name, locale).subject);
    expect(new Set(subjects).size).toBe(MAIL_LOCALES.length);
    for (const subject of subjects) expect(subject).toContain("Helvetic Hosting");
  });

  test("[NTF-1] every catalogue has the same messages as the English one", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    for (const catalogue of [fr, de, it]) expect(keys(catalogue).sort()).toEqual(keys(en).sort());
  });

  test("[NTF-1] unknown locales fall back to English and regional ones use their language", () => {
    const english = renderMail("welcome", samples.welcome, "en").subject;
    expect(renderMail("welcome", samples.welcome, "pt-BR").subject).toBe(english);
    expect(renderMail("welcome", samples.welcome, "de-CH").subject).toBe("Willkommen bei Helvetic Hosting, Anna");
  });

  test("[NTF-1] the HTML part escapes interpolated values", () => {
    const evil = "<script>alert('x')</script>";
    const mail = renderMail("invitation", { ...samples.invitation, inviterName: evil, organizationName: `"&"` }, "en");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(mail.html).toContain("&quot;&amp;&quot;");
    // Plain text is not HTML: it shows the value as typed.
    expect(mail.text).toContain(evil);
  });

  test("[NTF-1] links that are not http(s) are refused", () => {
    expect(() => renderMail("passwordReset", { link: "javascript:alert(1)", expiresInMinutes: 5 }, "en")).toThrow(
      /non-http/,
    );
  });

  test("[NTF-1] the sign-in time is shown in the recipient's time zone", () => {
    const mail = renderMail("newSignIn", { ...samples.newSignIn, timeZone: "Europe/Zurich" }, "de");
    expect(mail.text).toContain("11:00");
    expect(mail.text).toContain("IP-Adresse: 203.0.113.7");
  });
});
