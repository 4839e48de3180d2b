import { describe, expect, test } from "vitest";
import { GET as whoami } from "@/app/api/tools/whoami/route";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { createAppPassword } from "@/lib/app-passwords/create-app-password";
import { listAppPasswords } from "@/lib/app-passwords/list-app-passwords";
import { revokeAllAppPasswords } from "@/lib/app-passwords/revoke-all-app-passwords";
import { revokeAppPassword } from "@/lib/app-passwords/revoke-app-password";
import { verifyAppPassword } from "@/lib/app-passwords/verify-app-password";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createUser, DEFAULT_PASSWORD } from "../factories";
import { fromAddress } from "../factories/client-address";

const db = getDb();
const randomIp = () => `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function userWithActor(overrides: { firstName?: string; lastName?: string } = {}) {
  const user = await createUser(db, overrides);
  const actor: UserActor = { kind: "user", userId: user.id, sessionId: "s-test", staffRole: null, ip: "10.0.0.1", userAgent: "vitest" };
  return { user, actor };
}

function basic(email: string, password: string, ip = randomIp()) {
  const auth = Buffer.from(`${email}:${password}`, "utf8").toString("base64");
  return new Request("http://localhost/api/tools/whoami", { headers: { authorization: `Basic ${auth}`, ...fromAddress(ip) } });
}

describe("application passwords", () => {
  test("[APP-1] a generated password is returned once, only its hash is stored, and several may exist", async () => {
    const { user, actor } = await userWithActor();
    const contacts = await createAppPassword(db, actor, { name: "Contacts", password: DEFAULT_PASSWORD });
    const calendars = await createAppPassword(db, actor, { name: "Calendars", password: DEFAULT_PASSWORD });
    expect(contacts.password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    expect(calendars.password).not.toBe(contacts.password);

    const rows = await db.appPassword.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(2);
    const dump = JSON.stringify(rows);
    for (const p of [contacts.password, calendars.password]) {
      expect(dump).not.toContain(p);
      expect(dump).not.toContain(p.replaceAll("-", ""));
    }
    const contactsRow = rows.find((r) => r.id === contacts.id)!;
    expect(contactsRow.passwordHash).toMatch(/^\$argon2id\$/);
    expect(contactsRow.displayHint).toBe(contacts.password.slice(-4));

    // The list shows names and dates, never the password or its hash.
    const list = await listAppPasswords(db, actor);
    expect(list.map((p) => p.name).sort()).toEqual(["Calendars", "Contacts"]);
    expect(JSON.stringify(list)).not.toContain("argon2");
    expect(list.every((p) => p.lastUsedAt === null)).toBe(true);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "appPassword.created" } })).toBe(2);
  });

  test("[APP-1] a name is required", async () => {
    const { actor } = await userWithActor();
    await expect(createAppPassword(db, actor, { name: "  ", password: DEFAULT_PASSWORD })).rejects.toThrow();
  });

  test("[SEC-8] [APP-1] generating an application password asks for the account password again; wrong ones are a field error and lock like sign-in", async () => {
    const { user, actor } = await userWithActor();
    await expect(createAppPassword(db, actor, { name: "Mail" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["password"] })] });
    await expect(createAppPassword(db, actor, { name: "Mail", password: "not my password" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      fieldErrors: { password: ["security.errors.wrongPassword"] },
    });
    expect(await db.appPassword.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.reauthFailed" } })).toBe(1);
    // The same per-account lock as sign-in (ACC-7): after 5 wrong passwords even the right one waits.
    for (let i = 0; i < 4; i++) await expect(createAppPassword(db, actor, { name: "Mail", password: `wrong ${i}` })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createAppPassword(db, actor, { name: "Mail", password: "wrong again" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(createAppPassword(db, actor, { name: "Mail", password: DEFAULT_PASSWORD })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.appPassword.count({ where: { userId: user.id } })).toBe(0);
  });

  test("[APP-2] the tools endpoint accepts HTTP Basic with an application password and records its use", async () => {
    const { user, actor } = await userWithActor({ firstName: "Ada", lastName: "Tools" });
    const created = await createAppPassword(db, actor, { name: "Thunderbird", password: DEFAULT_PASSWORD });
    const res = await whoami(basic(user.email.toUpperCase(), created.password));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: "success", data: { email: user.email, name: "Ada Tools" } });
    // Typed without the dashes works too.
    expect((await whoami(basic(user.email, created.password.replaceAll("-", "")))).status).toBe(200);
    const row = await db.appPassword.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  test("[APP-2] the account password, no credentials or a wrong one are refused with a Basic challenge", async () => {
    const { user, actor } = await userWithActor();
    await createAppPassword(db, actor, { name: "Mail", password: DEFAULT_PASSWORD });
    for (const req of [
      basic(user.email, DEFAULT_PASSWORD),
      basic(user.email, "aaaa-bbbb-cccc-dddd"),
      new Request("http://localhost/api/tools/whoami"),
    ]) {
      const res = await whoami(req);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm="Manager tools"/);
    }
  });

  test("[APP-2] application passwords work while two-step verification is on", async () => {
    const { user, actor } = await userWithActor();
    await db.twoFactorMethod.create({ data: { userId: user.id, type: "TOTP", label: "Phone", isDefault: true, confirmedAt: now() } });
    // The console sign-in now waits for a second step…
    expect((await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: randomIp(), userAgent: "vitest" })).twoFactorPending).toBe(true);
    // …while a tool with an application password gets in directly.
    const created = await createAppPassword(db, actor, { name: "CalDAV", password: DEFAULT_PASSWORD });
    expect((await whoami(basic(user.email, created.password))).status).toBe(200);
  });

  test("[APP-2] an application password never opens the console", async () => {
    const { user, actor } = await userWithActor();
    const created = await createAppPassword(db, actor, { name: "CardDAV", password: DEFAULT_PASSWORD });
    await expect(signInWithPassword(db, { email: user.email, password: created.password }, { ip: randomIp(), userAgent: "vitest" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("[APP-2] repeated failures on the tools endpoint are rate-limited per e-mail and address", async () => {
    const { user, actor } = await userWithActor();
    const created = await createAppPassword(db, actor, { name: "Mail", password: DEFAULT_PASSWORD });
    const ip = randomIp();
    for (let i = 0; i < 10; i++) {
      await expect(verifyAppPassword(db, { email: user.email, password: `wron-gggg-uess-${String(i).padStart(4, "0")}` }, { ip })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    const locked = await whoami(basic(user.email, created.password, ip));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not locked out.
    expect((await whoami(basic(user.email, created.password))).status).toBe(200);
  });

  test("[APP-3] a revoked password is refused; revoke all ends every remaining one", async () => {
    const { user, actor } = await userWithActor();
    const a = await createAppPassword(db, actor, { name: "A", password: DEFAULT_PASSWORD });
    const b = await createAppPassword(db, actor, { name: "B", password: DEFAULT_PASSWORD });
    const c = await createAppPassword(db, actor, { name: "C", password: DEFAULT_PASSWORD });

    await revokeAppPassword(db, actor, { appPasswordId: a.id });
    expect((await whoami(basic(user.email, a.password))).status).toBe(401);
    expect((await whoami(basic(user.email, b.password))).status).toBe(200);
    expect((await listAppPasswords(db, actor)).map((p) => p.id).sort()).toEqual([b.id, c.id].sort());

    expect(await revokeAllAppPasswords(db, actor)).toEqual({ revoked: 2 });
    for (const p of [b, c]) expect((await whoami(basic(user.email, p.password))).status).toBe(401);
    expect(await listAppPasswords(db, actor)).toEqual([]);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: { in: ["appPassword.revoked", "appPassword.allRevoked"] } } })).toBe(2);
  });

  test("[APP-3] another user's application password cannot be revoked (NOT_FOUND), nor one already revoked", async () => {
    const owner = await userWithActor();
    const other = await userWithActor();
    const created = await createAppPassword(db, owner.actor, { name: "Owner's", password: DEFAULT_PASSWORD });
    await expect(revokeAppPassword(db, other.actor, { appPasswordId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await whoami(basic(owner.user.email, created.password))).status).toBe(200);
    await revokeAppPassword(db, owner.actor, { appPasswordId: created.id });
    await expect(revokeAppPassword(db, owner.actor, { appPasswordId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
