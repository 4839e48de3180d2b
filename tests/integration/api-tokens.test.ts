import { afterEach, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { disableIdleTokens } from "@/lib/api-tokens/disable-idle-tokens";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { listOrganizationTokens } from "@/lib/api-tokens/list-organization-tokens";
import { requireAccess, requireMember } from "@/lib/access/require-access";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { warnExpiringTokens } from "@/lib/api-tokens/warn-expiring-tokens";
import { generateToken, isWellFormedToken } from "@/lib/api-tokens/token-format";
import { clock, DAY, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { hashSecret } from "@/lib/security/tokens";
import { addMember, createOrganization, createUser, DEFAULT_PASSWORD } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

async function setup() {
  const db = getDb();
  const owner = await createUser(db);
  const plain = await createUser(db);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id });
  await addMember(db, org.id, plain.id, "USER");
  return { db, org, owner: asUser(owner.id), plain: asUser(plain.id) };
}

afterEach(() => clock.reset());

describe("API tokens (TOK-1 … TOK-4)", () => {
  test("[TOK-1] the token is returned once, recognisable and checksummed; only its hash and a short prefix are stored", async () => {
    const { db, org, owner } = await setup();
    const created = await createApiToken(db, owner, { orgIds: [org.id], name: "CI", scopes: ["products:read", "tags:write"], password: DEFAULT_PASSWORD });
    expect(created.token).toMatch(/^mgr_[0-9A-Za-z]{38}$/);
    expect(isWellFormedToken(created.token)).toBe(true);
    // One changed character breaks the checksum.
    const last = created.token.at(-1) === "a" ? "b" : "a";
    expect(isWellFormedToken(created.token.slice(0, -1) + last)).toBe(false);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.token.startsWith(row.displayPrefix)).toBe(true);
    expect(row.displayPrefix.length).toBeLessThanOrEqual(10);
    expect(row.expiresAt).toBeNull();
    const listed = await listApiTokens(db, owner);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "apiToken.created" } })).toBe(1);
    const actor = await authenticateApiToken(db, created.token);
    expect(actor).toMatchObject({ kind: "token", tokenId: created.id, orgIds: [org.id], scopes: ["products:read", "tags:write"] });
  });

  test("[TOK-1] the account password is asked again", async () => {
    const { db, org, owner } = await setup();
    await expect(createApiToken(db, owner, { orgIds: [org.id], name: "x", scopes: ["products:read"], password: "wrong password" })).rejects.toMatchObject({
      fieldErrors: { password: ["security.errors.wrongPassword"] },
    });
    await expect(createApiToken(db, owner, { orgIds: [org.id], name: "x", scopes: ["products:read"], password: "" })).rejects.toThrow();
    expect(await db.apiToken.count({ where: { organizations: { some: { orgId: org.id } } } })).toBe(0);
  });

  test("[TOK-1] a token never exceeds its creator's rights: a USER asking users:write is FORBIDDEN", async () => {
    const { db, org, plain } = await setup();
    await expect(createApiToken(db, plain, { orgIds: [org.id], name: "x", scopes: ["products:read", "users:write"], password: DEFAULT_PASSWORD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const ok = await createApiToken(db, plain, { orgIds: [org.id], name: "mine", scopes: ["products:read", "tags:write"], password: DEFAULT_PASSWORD });
    expect(ok.scopes).toEqual(["products:read", "tags:write"]);
    const { grantableScopes } = await listApiTokens(db, plain);
    expect(grantableScopes).not.toContain("users:write");
    expect(grantableScopes).toContain("products:write");
  });

  test("[TOK-1] validity: unlimited by default, a number of days or a date; an expired token is refused", async () => {
    const { db, org, owner } = await setup();
    const days = await createApiToken(db, owner, { orgIds: [org.id], name: "30 days", scopes: ["tags:read"], validity: "days", days: 30, password: DEFAULT_PASSWORD });
    expect(days.expiresAt!.getTime() - now().getTime()).toBeGreaterThan(29 * DAY);
    await expect(createApiToken(db, owner, { orgIds: [org.id], name: "past", scopes: ["tags:read"], validity: "date", date: "2001-01-01", password: DEFAULT_PASSWORD })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    clock.set(new Date(now().getTime() + 31 * DAY));
    await expect(authenticateApiToken(db, days.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await listApiTokens(db, owner)).tokens[0].status).toBe("expired");
  });

  test("[TOK-2] a user may hold many tokens, each with its own scopes", async () => {
    const { db, org, owner } = await setup();
    const tokens = [];
    for (const name of ["one", "two", "three"]) tokens.push(await createApiToken(db, owner, { orgIds: [org.id], name, scopes: ["teams:read"], password: DEFAULT_PASSWORD }));
    expect(new Set(tokens.map((t) => t.token)).size).toBe(3);
    const { tokens: listed } = await listApiTokens(db, owner);
    expect(listed.map((t) => t.name)).toEqual(["three", "two", "one"]);
    for (const t of tokens) await expect(authenticateApiToken(db, t.token)).resolves.toMatchObject({ tokenId: t.id });
  });

  test("[TOK-3] a token idle for a year is disabled by the job and refused afterwards; a used one is kept", async () => {
    const { db, org, owner } = await setup();
    const idle = await createApiToken(db, owner, { orgIds: [org.id], name: "idle", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    const used = await createApiToken(db, owner, { orgIds: [org.id], name: "used", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    const start = now();
    clock.set(new Date(start.getTime() + 200 * DAY));
    await authenticateApiToken(db, used.token);
    clock.set(new Date(start.getTime() + 364 * DAY));
    await disableIdleTokens(db);
    const disabledIn = () => db.apiToken.count({ where: { organizations: { some: { orgId: org.id } }, disabledAt: { not: null } } });
    expect(await disabledIn()).toBe(0);
    clock.set(new Date(start.getTime() + 366 * DAY));
    expect((await disableIdleTokens(db)).disabled).toBeGreaterThanOrEqual(1);
    expect(await disabledIn()).toBe(1);
    await expect(authenticateApiToken(db, idle.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiToken(db, used.token)).resolves.toMatchObject({ tokenId: used.id });
    const { tokens } = await listApiTokens(db, owner);
    expect(tokens.find((t) => t.id === idle.id)?.status).toBe("disabled");
    expect(await db.auditLog.count({ where: { action: "apiToken.disabledIdle", targetId: idle.id } })).toBe(1);
  });

  test("[SEC-8] [TOK-3] a year-idle token is refused when presented, before the job has run; a blocked owner's token at once", async () => {
    const { db, org, owner } = await setup();
    const idle = await createApiToken(db, owner, { orgIds: [org.id], name: "idle", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    const start = now();
    clock.set(new Date(start.getTime() + 364 * DAY));
    await expect(authenticateApiToken(db, idle.token)).resolves.toMatchObject({ tokenId: idle.id });
    // Used on day 364: idle again from there. A year later it is refused although no job disabled it.
    clock.set(new Date(start.getTime() + (364 + 366) * DAY));
    expect(await db.apiToken.count({ where: { id: idle.id, disabledAt: { not: null } } })).toBe(0);
    await expect(authenticateApiToken(db, idle.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    clock.reset();

    const fresh = await createApiToken(db, owner, { orgIds: [org.id], name: "fresh", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    await expect(authenticateApiToken(db, fresh.token)).resolves.toMatchObject({ tokenId: fresh.id });
    await db.user.update({ where: { id: owner.kind === "user" ? owner.userId : "" }, data: { blockedAt: now() } });
    await expect(authenticateApiToken(db, fresh.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("[TOK-3] the owner is e-mailed 30 and 7 days before expiry or idle deactivation, once each", async () => {
    const { db, org, owner } = await setup();
    const user = await db.user.findUniqueOrThrow({ where: { id: owner.kind === "user" ? owner.userId : "" }, select: { email: true } });
    const sent = (subject: string) => db.emailOutbox.count({ where: { toAddress: user.email, template: "apiTokenWarning", subject: { contains: subject } } });
    const start = now();
    await createApiToken(db, owner, { orgIds: [org.id], name: "Short", scopes: ["tags:read"], validity: "days", days: 40, password: DEFAULT_PASSWORD });
    const idle = await createApiToken(db, owner, { orgIds: [org.id], name: "Sleepy", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    clock.set(new Date(start.getTime() + 11 * DAY));
    await warnExpiringTokens(db);
    expect(await sent("Short")).toBe(1);
    await warnExpiringTokens(db);
    expect(await sent("Short")).toBe(1);
    clock.set(new Date(start.getTime() + 34 * DAY));
    await warnExpiringTokens(db);
    expect(await sent("Short")).toBe(2);
    expect(await sent("Sleepy")).toBe(0);
    clock.set(new Date(start.getTime() + 336 * DAY));
    await warnExpiringTokens(db);
    expect(await sent("Sleepy")).toBe(1);
    // Using the token moves its idle deadline: no further warning for now.
    await authenticateApiToken(db, idle.token);
    clock.set(new Date(start.getTime() + 360 * DAY));
    await warnExpiringTokens(db);
    expect(await sent("Sleepy")).toBe(1);
  });

  test("[TOK-4] list shows name, scopes, dates and status; a revoked token is refused at once", async () => {
    const { db, org, owner, plain } = await setup();
    const t = await createApiToken(db, owner, { orgIds: [org.id], name: "deploy", scopes: ["products:read"], password: DEFAULT_PASSWORD });
    await authenticateApiToken(db, t.token);
    const [row] = (await listApiTokens(db, owner)).tokens;
    expect(row).toMatchObject({ name: "deploy", scopes: ["products:read"], status: "active", expiresAt: null });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(row.createdAt).toBeInstanceOf(Date);
    // Someone else cannot revoke it.
    await expect(revokeApiToken(db, plain, { tokenId: t.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeApiToken(db, plain, { orgId: org.id, tokenId: t.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await revokeApiToken(db, owner, { tokenId: t.id })).toEqual({ revoked: true });
    await expect(authenticateApiToken(db, t.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await listApiTokens(db, owner)).tokens[0].status).toBe("revoked");
    expect(await db.auditLog.count({ where: { targetId: t.id, action: "apiToken.revoked" } })).toBe(1);
  });

  test("[TOK-1] [API-6] a personal token acts in each of its owner's Organizations with the role there; a restricted one only in its own", async () => {
    const { db, org, owner } = await setup();
    const ownerId = owner.kind === "user" ? owner.userId : "";
    const second = await createOrganization(db);
    await addMember(db, second.id, ownerId, "USER");
    const elsewhere = await createOrganization(db);
    const everywhere = await createApiToken(db, owner, { name: "all", scopes: ["users:write", "tags:read"], password: DEFAULT_PASSWORD });
    expect(everywhere.orgIds).toEqual([]);
    const actor = await authenticateApiToken(db, everywhere.token);
    expect(actor.orgIds).toBeNull();
    expect((await requireMember(db, actor, org.id, "users.invite")).role).toBe("LEGAL_REPRESENTATIVE");
    // A USER there: never beyond that role, whatever the token's scopes.
    await expect(requireAccess(db, actor, second.id, "users.invite")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await requireMember(db, actor, second.id, "tags.read")).role).toBe("USER");
    await expect(requireAccess(db, actor, elsewhere.id, "tags.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The membership read with the token (one statement) is the one of the Organization named.
    const named = await authenticateApiToken(db, everywhere.token, {}, second.id);
    expect(named.membership).toMatchObject({ orgId: second.id, member: { role: "USER" } });

    const onlyFirst = await createApiToken(db, owner, { orgIds: [org.id], name: "first only", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    const restricted = await authenticateApiToken(db, onlyFirst.token, {}, second.id);
    expect(restricted.orgIds).toEqual([org.id]);
    await expect(requireAccess(db, restricted, second.id, "tags.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await requireAccess(db, restricted, org.id, "tags.read")).orgId).toBe(org.id);
    // Restricting to an Organization one does not belong to is refused like an unknown one.
    await expect(createApiToken(db, owner, { orgIds: [elsewhere.id], name: "x", scopes: ["tags:read"], password: DEFAULT_PASSWORD })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = await listApiTokens(db, owner);
    expect(listed.organizations.map((o) => o.id).sort()).toEqual([org.id, second.id].sort());
    expect(listed.tokens.find((t) => t.id === onlyFirst.id)?.organizations.map((o) => o.id)).toEqual([org.id]);
  });

  test("[TOK-4] a legal representative sees every token that can act in the Organization and may revoke it; others may not", async () => {
    const { db, org, owner, plain } = await setup();
    const plainId = plain.kind === "user" ? plain.userId : "";
    const other = await createOrganization(db);
    await addMember(db, other.id, plainId, "ADMINISTRATOR");
    const all = await createApiToken(db, plain, { name: "plain-all", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    const here = await createApiToken(db, plain, { orgIds: [org.id], name: "plain-here", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    const there = await createApiToken(db, plain, { orgIds: [other.id], name: "plain-there", scopes: ["tags:read"], password: DEFAULT_PASSWORD });
    const overview = await listOrganizationTokens(db, owner, { orgId: org.id });
    expect(overview.map((t) => t.name).sort()).toEqual(["plain-all", "plain-here"]);
    expect(overview.find((t) => t.id === all.id)).toMatchObject({ restricted: false, user: { id: plainId } });
    await expect(listOrganizationTokens(db, plain, { orgId: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A token restricted to another Organization is not this one's to revoke.
    await expect(revokeApiToken(db, owner, { orgId: org.id, tokenId: there.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await revokeApiToken(db, owner, { orgId: org.id, tokenId: here.id })).toEqual({ revoked: true });
    await expect(authenticateApiToken(db, here.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await listOrganizationTokens(db, owner, { orgId: org.id })).map((t) => t.name)).toEqual(["plain-all"]);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "apiToken.revoked", targetId: here.id } })).toBe(1);
  });

  test("[TOK-1] malformed or unknown tokens are refused without a match", async () => {
    const db = getDb();
    await expect(authenticateApiToken(db, "mgr_nope")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiToken(db, generateToken())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
