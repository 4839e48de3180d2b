import { readFileSync } from "node:fs";
import path from "node:path";
import { generate } from "otplib";
import { describe, expect, test, vi } from "vitest";
import type { UserActor } from "@/lib/access/actor";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";
import { deleteAccount, pseudonymOf } from "@/lib/privacy/delete-account";
import { exportPersonalData, PERSONAL_SECTIONS, type PersonalRecord } from "@/lib/privacy/export-personal-data";
import { PERSONAL_DATA_MODELS } from "@/lib/privacy/personal-records";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { personalDataDownload } from "@/lib/privacy/personal-data-files";
import { addMember, createOrder, createOrganization, createPartnerApplication, createProduct, createRawApiToken, createTender, createTotpMethod, createUser, DEFAULT_PASSWORD, grantProductAccess, unique } from "../factories";

// The download's headers come from the console route wrapper's module, which refuses imports outside Next.js.
vi.mock("server-only", () => ({}));

const db = getDb();
const asUser = (userId: string, sessionId = "s"): UserActor => ({ kind: "user", userId, sessionId, staffRole: null, ip: "192.0.2.1", userAgent: "test" });
const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string }) => e.code ?? String(e));

async function collect(gen: AsyncGenerator<PersonalRecord[]>): Promise<PersonalRecord[]> {
  const out: PersonalRecord[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

/** A person in two Organizations (legal representative of one it shares with another one), with a token, an app password, a request. */
async function person() {
  const user = await createUser(db, { firstName: "Zoé", lastName: "Muster" });
  const own = await createOrganization(db, { legalRepresentativeId: user.id, name: unique("Zoé SA") });
  const coRep = await createUser(db);
  await addMember(db, own.id, coRep.id, "LEGAL_REPRESENTATIVE");
  const other = await createOrganization(db);
  await addMember(db, other.id, user.id, "USER");
  const token = await createRawApiToken(db, { userId: user.id, orgIds: [own.id], name: "ci" });
  await db.appPassword.create({ data: { userId: user.id, name: "Thunderbird", passwordHash: "argon-hash-not-exported", displayHint: "x9z2" } });
  await db.supportRequest.create({ data: { orgId: own.id, requesterId: user.id, subject: "Mail is down", body: "Since today" } });
  const session = await createSession(db, { userId: user.id, ip: "192.0.2.7", userAgent: "Firefox", twoFactorPassed: true });
  // Someone else's data, in the same Organization: never in the export.
  await db.supportRequest.create({ data: { orgId: own.id, requesterId: coRep.id, subject: "Not yours", body: "x" } });
  return { user, own, other, coRep, token, session, actor: asUser(user.id, session.sessionId) };
}

describe("my data (GDP-1)", () => {
  test("[GDP-1] the export holds the person's own profile, memberships, sessions, tokens and requests — metadata only, nobody else's — and is logged", async () => {
    const p = await person();
    const records = await collect(exportPersonalData(db, p.actor, "json"));
    const of = (section: string) => records.filter((r) => r.section === section).map((r) => r.fields);
    expect(of("profile")).toEqual([expect.objectContaining({ email: p.user.email, firstName: "Zoé" })]);
    expect(of("memberships").map((m) => m.role).sort()).toEqual(["LEGAL_REPRESENTATIVE", "USER"]);
    expect(of("sessions")).toEqual([expect.objectContaining({ ip: "192.0.2.7", userAgent: "Firefox" })]);
    expect(of("apiTokens")).toEqual([expect.objectContaining({ name: "ci" })]);
    expect(of("appPasswords")).toEqual([expect.objectContaining({ name: "Thunderbird", hint: "x9z2" })]);
    expect(of("supportRequests").map((r) => r.subject)).toEqual(["Mail is down"]);
    const text = JSON.stringify(records);
    expect(text).not.toContain("Not yours");
    expect(text).not.toContain("argon-hash-not-exported");
    expect(text).not.toContain(p.token);
    expect(text).not.toContain(p.session.secret);
    const log = await db.auditLog.findFirstOrThrow({ where: { actorId: p.user.id, action: "account.dataExported" } });
    expect(log.metadata).toEqual({ format: "json" });
    // The log row of the export itself is about them, so the next export lists it.
    expect((await collect(exportPersonalData(db, p.actor, "csv"))).some((r) => r.section === "activity" && r.fields.action === "account.dataExported")).toBe(true);
  });

  test("[GDP-1] the export also holds what other records keep about the person — resets, invitations, identity checks, support access, orders, applications, tenders, contacts — without hashes nor other people's addresses", async () => {
    const p = await person();
    const mail = await createProduct(db, { orgId: p.own.id, category: "mail", name: unique("Mail zoe") });
    const held = await createProduct(db, { orgId: p.other.id, holderEmail: p.user.email.toUpperCase(), name: unique("held") });
    const membership = await db.membership.findFirstOrThrow({ where: { orgId: p.own.id, userId: p.user.id } });
    await grantProductAccess(db, { membershipId: membership.id, productIds: [mail.id] });
    const resetSecret = randomSecret();
    await db.passwordResetToken.create({
      data: { userId: p.user.id, tokenHash: hashSecret(resetSecret), expiresAt: new Date(now().getTime() + 3_600_000) },
    });
    await db.passwordResetRequest.create({ data: { email: p.user.email, ip: "192.0.2.9", requestedAt: now() } });
    await db.backupCode.create({ data: { userId: p.user.id, codeHash: "backup-hash-not-exported" } });
    await db.calendarFeed.create({ data: { userId: p.user.id, tokenHash: "feed-hash-not-exported" } });
    await db.emailChangeRequest.create({
      data: {
        userId: p.user.id,
        oldEmail: p.user.email,
        newEmail: "zoe.new@example.test",
        tokenHash: unique("change-hash"),
        expiresAt: now(),
      },
    });
    const invitee = `${unique("invitee")}@example.test`;
    await db.invitation.create({
      data: { orgId: p.own.id, email: invitee, role: "USER", tokenHash: unique("inv"), invitedById: p.user.id, expiresAt: now() },
    });
    await db.invitation.create({
      data: {
        orgId: p.other.id,
        email: p.user.email,
        role: "ADMINISTRATOR",
        tokenHash: unique("inv"),
        invitedById: p.coRep.id,
        expiresAt: now(),
      },
    });
    await db.identityVerification.create({
      data: {
        userId: p.user.id,
        email: "zoe.reachable@example.test",
        reason: "FORGOTTEN_PASSWORD",
        tokenHash: unique("case"),
        decisionNote: "internal note",
      },
    });
    await db.supportGrant.create({
      data: {
        orgId: p.own.id,
        userId: p.user.id,
        scope: "MAIL",
        expiresAt: new Date(now().getTime() + 3_600_000),
        products: { create: [{ productId: mail.id }] },
      },
    });
    const colleagues = await db.supportRequest.findFirstOrThrow({ where: { requesterId: p.coRep.id } });
    await db.supportMessage.create({
      data: { requestId: colleagues.id, authorId: p.user.id, fromStaff: false, body: "Same problem here" },
    });
    await createOrder(db, { org: p.own, placedById: p.user.id });
    await createPartnerApplication(db, {
      orgId: p.own.id,
      applicantId: p.user.id,
      applicantEmail: p.user.email,
      companyName: "Zoé Partners",
    });
    await createTender(db, { contactEmail: p.user.email, title: "Zoé's new website" });
    await db.organization.update({ where: { id: p.other.id }, data: { contactEmail: p.user.email } });

    const records = await collect(exportPersonalData(db, p.actor, "json"));
    const of = (section: string) => records.filter((r) => r.section === section).map((r) => r.fields);
    expect(of("memberships").find((m) => m.organizationId === p.own.id)?.products).toEqual([`${mail.name} (MANAGE)`]);
    expect(of("passwordResetLinks")).toEqual([expect.objectContaining({ usedAt: null, afterIdentityCheck: false })]);
    expect(of("passwordResetRequests")).toHaveLength(1);
    expect(of("backupCodes")).toHaveLength(1);
    expect(of("calendarFeed")).toHaveLength(1);
    expect(of("emailChanges")).toEqual([expect.objectContaining({ newEmail: "zoe.new@example.test" })]);
    expect(of("invitationsSent")).toEqual([expect.objectContaining({ organization: p.own.name, role: "USER" })]);
    expect(of("invitationsReceived")).toEqual([expect.objectContaining({ organization: p.other.name, role: "ADMINISTRATOR" })]);
    expect(of("identityVerifications")).toEqual([
      expect.objectContaining({ reason: "FORGOTTEN_PASSWORD", contactEmail: "zoe.reachable@example.test" }),
    ]);
    expect(of("supportGrants")).toEqual([
      expect.objectContaining({ organization: p.own.name, scope: "MAIL", products: [mail.name] }),
    ]);
    expect(of("supportMessages")).toEqual([expect.objectContaining({ requestId: colleagues.id, body: "Same problem here" })]);
    expect(of("ordersPlaced")).toHaveLength(1);
    expect(of("partnerApplications")).toEqual([expect.objectContaining({ company: "Zoé Partners" })]);
    expect(of("tenders")).toEqual([expect.objectContaining({ title: "Zoé's new website" })]);
    expect(of("contactOf")).toEqual(
      expect.arrayContaining([
        { kind: "organizationContact", name: p.other.name },
        { kind: "productHolder", name: held.name, holderName: held.holderName },
      ]),
    );
    const text = JSON.stringify(records);
    for (const secret of [
      resetSecret,
      hashSecret(resetSecret),
      "backup-hash-not-exported",
      "feed-hash-not-exported",
      invitee,
      "internal note",
    ])
      expect(text).not.toContain(secret);
    // The colleague's own request stays theirs: only the person's message on it is exported.
    expect(text).not.toContain("Not yours");
  });

  test("[GDP-1] every model of the schema that holds a person is reviewed for the export: a new personal table fails this test until it is", () => {
    const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({ name, body }));
    // A relation to User, a person's id (…userId, …ById, the named ones), a membership, or an e-mail address.
    const personal =
      /^\s+(\w+)\s+User\b|^\s+(\w*[uU]serId|\w+ById|applicantId|submitterId|requesterId|handlerId|authorId|actorId|membershipId)\s|^\s+\w*[eE]mail\s+String/m;
    const holding = models
      .filter((m) => personal.test(m.body))
      .map((m) => m.name)
      .sort();
    expect(holding).toEqual(Object.keys(PERSONAL_DATA_MODELS).sort());
    for (const covered of Object.values(PERSONAL_DATA_MODELS)) {
      for (const section of covered.split(", ").map((s) => s.replace(/ \(.*\)$/, "")))
        expect(PERSONAL_SECTIONS).toContain(section);
    }
  });

  test("[GDP-1] [SEC-9] JSON and CSV files stream the same data; the CSV is quoted and formula-safe; exports are limited per person", async () => {
    const p = await person();
    await db.user.update({ where: { id: p.user.id }, data: { lastName: "=HYPERLINK(1)" } });
    const json = await personalDataDownload(exportPersonalData(db, p.actor, "json"), "json");
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.headers.get("cache-control")).toBe("private, no-store");
    const parsed = JSON.parse(await json.text()) as Record<string, unknown>;
    expect(parsed.profile).toMatchObject({ email: p.user.email, lastName: "=HYPERLINK(1)" });
    expect(parsed.devices).toEqual([]);
    expect((parsed.memberships as unknown[]).length).toBe(2);
    const csv = await (await personalDataDownload(exportPersonalData(db, p.actor, "csv"), "csv")).text();
    expect(csv).toContain('"section","item","field","value"');
    expect(csv).toContain(`"profile","1","email","${p.user.email}"`);
    expect(csv).toContain(`"profile","1","lastName","'=HYPERLINK(1)"`);
    for (let i = 0; i < 3; i++) await personalDataDownload(exportPersonalData(db, p.actor, "json"), "json");
    expect(await codeOf(personalDataDownload(exportPersonalData(db, p.actor, "json"), "json"))).toBe("RATE_LIMITED");
  });
});

describe("account deletion", () => {
  test("[ORG-3] the only legal representative of an Organization cannot delete their account; nothing changes", async () => {
    const user = await createUser(db);
    await createOrganization(db, { legalRepresentativeId: user.id });
    const session = await createSession(db, { userId: user.id, twoFactorPassed: true });
    const refused = await deleteAccount(db, asUser(user.id, session.sessionId), { password: DEFAULT_PASSWORD, confirm: "on" }).catch((e: unknown) => mapError(e));
    expect(refused).toMatchObject({ status: 409, key: "privacy.errors.onlyLegalRepresentative" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: user.email, deletedAt: null });
    expect(await resolveSession(db, session.secret)).not.toBeNull();
  });

  test("[ORG-3] [2FA-4] deletion asks the password and, with 2FA on, a code; then memberships, sessions, tokens and app passwords end at once, the profile is erased, the log keeps a pseudonym, a mail confirms", async () => {
    const p = await person();
    const secret = await createTotpMethod(db, p.user.id);
    expect(await codeOf(deleteAccount(db, p.actor, { password: "wrong password", code: "", confirm: "on" }))).toBe("UNAUTHENTICATED");
    const noCode = await deleteAccount(db, p.actor, { password: DEFAULT_PASSWORD, confirm: "on" }).catch((e: unknown) => mapError(e));
    expect(noCode).toMatchObject({ status: 422, fieldErrors: { code: ["privacy.errors.codeRequired"] } });
    expect(await db.membership.count({ where: { userId: p.user.id } })).toBe(2);

    const code = await generate({ secret, epoch: Math.floor(now().getTime() / 1000) });
    expect(await deleteAccount(db, p.actor, { password: DEFAULT_PASSWORD, code, confirm: "on" })).toEqual({ pseudonym: pseudonymOf(p.user.id) });
    expect(await db.membership.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await resolveSession(db, p.session.secret)).toBeNull();
    expect(await db.apiToken.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await db.appPassword.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await db.twoFactorMethod.count({ where: { userId: p.user.id } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: p.user.id } });
    expect(row).toMatchObject({ firstName: "Deleted user", lastName: pseudonymOf(p.user.id), phone: null });
    expect(row.deletedAt).not.toBeNull();
    expect(row.email).not.toContain(p.user.email);
    // Nobody signs in with the former address any more; the co-representative still leads the Organization.
    expect(await codeOf(signInWithPassword(db, { email: p.user.email, password: DEFAULT_PASSWORD }, { ip: "192.0.2.60" }))).toBe("UNAUTHENTICATED");
    expect(await db.membership.count({ where: { orgId: p.own.id, role: "LEGAL_REPRESENTATIVE" } })).toBe(1);
    // The activity stays, under the pseudonymous row; the support request stays with the Organization.
    expect(await db.auditLog.count({ where: { actorId: p.user.id, action: "account.deleted" } })).toBe(1);
    expect(await db.supportRequest.count({ where: { requesterId: p.user.id } })).toBe(1);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: p.user.email, template: "accountDeleted" } });
    expect(mail.textBody).toContain("Zoé");
  });
});
