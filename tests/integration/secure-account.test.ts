import { describe, expect, test } from "vitest";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { secureAccount } from "@/lib/accounts/secure-account";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { createAppPassword } from "@/lib/app-passwords/create-app-password";
import { verifyAppPassword } from "@/lib/app-passwords/verify-app-password";
import type { UserActor } from "@/lib/auth/get-actor";
import { resolveSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { securityOverview } from "@/lib/two-factor/security-overview";
import { createOrganization, createUser, DEFAULT_PASSWORD } from "../factories";
import { tokenFor } from "./support/api";

const db = getDb();
const META = { ip: "198.51.100.4", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" };

/**
 * A person signed in on two browsers, with an application password and API tokens in two Organizations —
 * everything an intruder who knew the password could have made.
 */
async function compromisedAccount() {
  const user = await createUser(db);
  const mine = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, META);
  const intruder = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: "203.0.113.66", userAgent: "curl/8.0" });
  const actor: UserActor = { kind: "user", userId: user.id, sessionId: mine.sessionId, staffRole: null, ...META };
  const app = await createAppPassword(db, actor, { name: "Mail", password: DEFAULT_PASSWORD });
  const [orgA, orgB] = [await createOrganization(db, { legalRepresentativeId: user.id }), await createOrganization(db, { legalRepresentativeId: user.id })];
  const tokens = [await tokenFor(db, user.id, orgA.id, ["tags:read"]), await tokenFor(db, user.id, orgB.id, ["tags:read"])];
  return { user, mine, intruder, actor, app, tokens };
}

describe("compromised account (SEC-8)", () => {
  test("[SEC-8] [APP-3] [TOK-4] securing the account ends every other session, application password and API token at once; this session stays", async () => {
    const a = await compromisedAccount();
    const other = await createUser(db);
    const othersToken = await tokenFor(db, other.id, (await createOrganization(db, { legalRepresentativeId: other.id })).id, ["tags:read"]);

    // The current password first: a wrong one is a field error and ends nothing.
    await expect(secureAccount(db, a.actor, { password: "not my password" })).rejects.toMatchObject({ code: "UNAUTHENTICATED", fieldErrors: { password: ["security.errors.wrongPassword"] } });
    expect(await resolveSession(db, a.intruder.secret)).not.toBeNull();

    await expect(secureAccount(db, a.actor, { password: DEFAULT_PASSWORD, newPassword: "", confirm: "" })).resolves.toEqual({ passwordChanged: false, sessions: 1, appPasswords: 1, apiTokens: 2 });
    expect(await resolveSession(db, a.intruder.secret)).toBeNull();
    expect(await resolveSession(db, a.mine.secret)).toMatchObject({ userId: a.user.id });
    await expect(verifyAppPassword(db, { email: a.user.email, password: a.app.password }, { ip: "10.9.9.9" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const token of a.tokens) await expect(authenticateApiToken(db, token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // Someone else's credentials are untouched.
    await expect(authenticateApiToken(db, othersToken)).resolves.toMatchObject({ userId: other.id });
    // The password was kept: it still signs in.
    await expect(signInWithPassword(db, { email: a.user.email, password: DEFAULT_PASSWORD }, META)).resolves.toMatchObject({ userId: a.user.id });
    expect(await db.auditLog.findFirst({ where: { actorId: a.user.id, action: "auth.accountSecured" } })).toMatchObject({
      targetId: a.user.id,
      metadata: { passwordChanged: false, sessions: 1, appPasswords: 1, apiTokens: 2 },
    });
  });

  test("[SEC-8] [ACC-1] securing the account can set a new password too; the recent security events show what the intruder did, and only this person's", async () => {
    const a = await compromisedAccount();
    await signInWithPassword(db, { email: a.user.email, password: "a guess from afar" }, { ip: "203.0.113.66" }).catch(() => undefined);
    const newPassword = "a brand new long password";
    await expect(secureAccount(db, a.actor, { password: DEFAULT_PASSWORD, newPassword, confirm: "something else" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["confirm"] })] });
    await expect(secureAccount(db, a.actor, { password: DEFAULT_PASSWORD, newPassword: DEFAULT_PASSWORD, confirm: DEFAULT_PASSWORD })).rejects.toMatchObject({ fieldErrors: { newPassword: ["credentials.errors.samePassword"] } });
    await expect(secureAccount(db, a.actor, { password: DEFAULT_PASSWORD, newPassword, confirm: newPassword })).resolves.toMatchObject({ passwordChanged: true, sessions: 1 });
    await expect(signInWithPassword(db, { email: a.user.email, password: DEFAULT_PASSWORD }, META)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInWithPassword(db, { email: a.user.email, password: newPassword }, META)).resolves.toMatchObject({ userId: a.user.id });

    const { events } = await securityOverview(db, a.actor);
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.accountSecured", "auth.signInFailed", "auth.signedIn", "appPassword.created", "apiToken.created"]));
    expect(events.filter((e) => e.ip === "203.0.113.66").map((e) => e.action)).toEqual(expect.arrayContaining(["auth.signedIn", "auth.signInFailed"]));
    const someoneElse = await createUser(db);
    await signInWithPassword(db, { email: someoneElse.email, password: DEFAULT_PASSWORD }, { ip: "192.0.2.99" });
    expect((await securityOverview(db, a.actor)).events.some((e) => e.ip === "192.0.2.99")).toBe(false);
  });
});
