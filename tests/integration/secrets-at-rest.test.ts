import { generate } from "otplib";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { changePassword } from "@/lib/accounts/change-password";
import { deliverPasswordReset } from "@/lib/accounts/deliver-password-reset";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { requestEmailChange } from "@/lib/accounts/request-email-change";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { signUp } from "@/lib/accounts/sign-up";
import { TOKEN_SCOPES } from "@/lib/api-tokens/scopes";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createCalendarFeed } from "@/lib/calendar/create-calendar-feed";
import { renewalCalendar } from "@/lib/calendar/renewal-calendar";
import { createAppPassword } from "@/lib/app-passwords/create-app-password";
import { normalizeAppPassword } from "@/lib/app-passwords/generate";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { decideVerification } from "@/lib/identity/decide-case";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { extractLinks, listCaughtMail, waitForMail } from "@/lib/dev/mailbox";
import { inviteUser } from "@/lib/invitations/invite-user";
import { REDACTED } from "@/lib/mail/templates";
import { submitTender } from "@/lib/tenders/submit-tender";
import { normaliseBackupCode } from "@/lib/two-factor/backup-codes";
import { confirmTotpEnrolment } from "@/lib/two-factor/confirm-totp-enrolment";
import { startTotpEnrolment } from "@/lib/two-factor/start-totp-enrolment";
import { addPartner } from "@/lib/partners/add-partner";
import { createOrganization, createPartner, createStaffUser, unique } from "../factories";

/**
 * Every way the Manager creates a secret is exercised once, then every text-like column of every table is
 * read back with raw SQL: none of the clear secrets may appear anywhere.
 */
const db = getDb();
const mailbox = () => inject("mailboxUrl");
const secrets: Record<string, string[]> = {};
const keep = (kind: string, ...values: string[]) => (secrets[kind] ??= []).push(...values.filter((v) => v.length >= 8));
let email = "";
let dump: { where: string; value: string }[] = [];

async function linkSecret(to: string, path: string, afterId: number | undefined): Promise<string> {
  const mail = await waitForMail(mailbox(), { to, afterId, timeoutMs: 15_000 });
  const link = extractLinks(mail).find((l) => l.includes(path));
  expect(link, `a ${path} link mailed to ${to}`).toBeDefined();
  return link!.split(path)[1];
}

async function lastMailId(): Promise<number | undefined> {
  return (await listCaughtMail(mailbox(), { limit: 1 }))[0]?.id;
}

/** Every value of every text, varchar or JSON column in the application's schema. */
async function readEveryTextColumn(): Promise<{ where: string; value: string }[]> {
  const columns = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const out: { where: string; value: string }[] = [];
  for (const c of columns) {
    const rows = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT "${c.column_name}"::text AS v FROM "${c.table_name}" WHERE "${c.column_name}" IS NOT NULL`);
    for (const r of rows) out.push({ where: `${c.table_name}.${c.column_name}`, value: r.v });
  }
  return out;
}

const foundIn = (secret: string) => dump.filter((d) => d.value.includes(secret)).map((d) => d.where);

beforeAll(async () => {
  const password = "sign-up password 1234";
  email = `${unique("secrets")}@example.test`;
  keep("password", password);
  const signUpMail = await lastMailId();
  await signUp(db, { entityType: "INDIVIDUAL", firstName: "Sam", lastName: "Secret", email, password, country: "CH" });
  // SEC-2: the link proving the new account's address.
  keep("link", await linkSecret(email, "/confirm-email/", signUpMail));
  const { lastOrgId: orgId } = await db.user.findUniqueOrThrow({ where: { email }, select: { lastOrgId: true } });
  if (!orgId) throw new Error("sign-up made no Organization");

  const session = await signInWithPassword(db, { email, password }, { ip: "10.11.0.1", userAgent: "vitest" });
  keep("session", session.secret);
  const actor: UserActor = { kind: "user", userId: session.userId, sessionId: session.sessionId, staffRole: null, ip: "10.11.0.1", userAgent: "vitest" };

  let afterId = await lastMailId();
  const reset = await requestPasswordReset(db, { email });
  await deliverPasswordReset(db, reset!.requestId);
  keep("link", await linkSecret(email, "/reset-password/", afterId));

  const invitee = `${unique("invitee")}@example.test`;
  afterId = await lastMailId();
  await inviteUser(db, actor, { orgId, email: invitee, role: "USER" });
  keep("link", await linkSecret(invitee, "/invitations/", afterId));

  // PRT-4: a partner invitation's accept / refuse link.
  const partnerOrg = await createOrganization(db);
  const partner = await createPartner(db, { orgId: partnerOrg.id, contactEmail: `${unique("partner")}@example.test` });
  afterId = await lastMailId();
  await addPartner(db, actor, { orgId, partnerId: partner.id, access: "FULL", payer: "CLIENT" });
  keep("link", await linkSecret(partner.contactEmail, "/partner-invitations/", afterId));

  const token = await createApiToken(db, actor, { orgIds: [orgId], name: "CI", scopes: [TOKEN_SCOPES[0]], password });
  keep("apiToken", token.token);

  const app = await createAppPassword(db, actor, { name: "Calendar", password });
  keep("appPassword", app.password, normalizeAppPassword(app.password));

  // The renewal calendar feed's secret URL (read once, so its last-read date is written too).
  const feed = await createCalendarFeed(db, actor);
  const feedSecret = new URL(feed.url).pathname.split("/").pop()!.replace(/\.ics$/, "");
  keep("calendarFeed", feedSecret);
  await renewalCalendar(db, feedSecret);

  const enrolment = await startTotpEnrolment(db, actor, { label: "Phone" });
  keep("totp", enrolment.secret);
  const confirmed = await confirmTotpEnrolment(db, actor, {
    methodId: enrolment.methodId,
    code: await generate({ secret: enrolment.secret, epoch: Math.floor(now().getTime() / 1000) }),
  });
  expect(confirmed.backupCodes).toHaveLength(10);
  for (const code of confirmed.backupCodes ?? []) keep("backupCode", code, normaliseBackupCode(code));

  const newPassword = "changed password 5678";
  keep("password", newPassword);
  await changePassword(db, actor, { password, newPassword, confirm: newPassword });

  const newEmail = `${unique("moved")}@example.test`;
  afterId = await lastMailId();
  await requestEmailChange(db, actor, { email: newEmail, password: newPassword });
  keep("link", await linkSecret(newEmail, "/confirm-email/", afterId));

  // TND-3, TND-4: a call for tenders' view and cancel links.
  const submitter = `${unique("tender")}@example.test`;
  afterId = await lastMailId();
  await submitTender(db, { kind: "anonymous", ip: "10.11.0.2" }, { title: "A secret-free call", description: "Nothing in this call may be a secret at rest.", contactName: "Sam", contactEmail: submitter });
  keep("link", await linkSecret(submitter, "/tenders/view/", afterId), await linkSecret(submitter, "/tenders/cancel/", afterId));

  // IDV-1: the recovery link of an approved forgotten-password case, mailed to the verified address.
  const reachable = `${unique("reachable")}@example.test`;
  const recoveryCase = await db.identityVerification.create({
    data: { userId: session.userId, email: reachable, reason: "FORGOTTEN_PASSWORD", tokenHash: hashSecret(randomSecret()), status: "SUBMITTED" },
  });
  const supervisor = await createStaffUser(db, { staffRole: "SUPERVISOR" });
  afterId = await lastMailId();
  await decideVerification(db, { kind: "staff", userId: supervisor.id, sessionId: "s", staffRole: "SUPERVISOR" }, { caseId: recoveryCase.id, decision: "approve" });
  keep("link", await linkSecret(reachable, "/reset-password/", afterId));

  dump = await readEveryTextColumn();
}, 240_000);

describe("nothing secret is stored in clear", () => {
  test("[ACC-4] the scan reads the whole database (it finds what is not secret)", () => {
    expect(foundIn(email)).toEqual(expect.arrayContaining(["User.email"]));
    expect(dump.some((d) => d.where === "EmailOutbox.textBody" && d.value.includes(REDACTED))).toBe(true);
    expect(Object.values(secrets).flat().length).toBeGreaterThanOrEqual(10 * 2 + 7);
  });

  test("[ACC-4] passwords, session cookies and the secrets of e-mailed links appear nowhere", () => {
    for (const kind of ["password", "session", "link"]) {
      for (const secret of secrets[kind]) expect(foundIn(secret), `${kind} found`).toEqual([]);
    }
    expect(secrets.link).toHaveLength(8);
  });

  test("[2FA-5] the authenticator secret and the backup codes appear nowhere", () => {
    for (const secret of [...secrets.totp, ...secrets.backupCode]) expect(foundIn(secret)).toEqual([]);
  });

  test("[TOK-4] an API token appears nowhere", () => {
    for (const secret of secrets.apiToken) expect(foundIn(secret)).toEqual([]);
  });

  test("[APP-1] an application password appears nowhere", () => {
    for (const secret of secrets.appPassword) expect(foundIn(secret)).toEqual([]);
  });

  test("[BIL-10] a renewal calendar feed's secret URL appears nowhere", () => {
    expect(secrets.calendarFeed).toHaveLength(1);
    for (const secret of secrets.calendarFeed) expect(foundIn(secret)).toEqual([]);
  });
});
