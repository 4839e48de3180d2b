import { afterEach, describe, expect, test, vi } from "vitest";
import { GET as whoami } from "@/app/api/tools/whoami/route";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { createAppPassword } from "@/lib/app-passwords/create-app-password";
import type { UserActor } from "@/lib/auth/get-actor";
import { clock, MINUTE } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { derivedKey } from "@/lib/security/encryption";
import { verifyPassword } from "@/lib/security/passwords";
import { checkPasswordAgain } from "@/lib/two-factor/reauth";
import { confirmSmsEnrolment } from "@/lib/two-factor/confirm-sms-enrolment";
import { startSmsEnrolment } from "@/lib/two-factor/start-sms-enrolment";
import { lastSandboxSms } from "@/lib/sms/sandbox-store";
import type * as Encryption from "@/lib/security/encryption";
import type * as Passwords from "@/lib/security/passwords";
import { createUser, DEFAULT_PASSWORD } from "../factories";
import { fromAddress } from "../factories/client-address";

// The real argon2 and HMAC, only counted: how many secrets were actually checked.
vi.mock("@/lib/security/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof Passwords>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
vi.mock("@/lib/security/encryption", async (importOriginal) => {
  const real = await importOriginal<typeof Encryption>();
  return { ...real, derivedKey: vi.fn(real.derivedKey) };
});

const db = getDb();
// Each test checks up to 20 real argon2 hashes, which take seconds each on a busy machine.
const SLOW = 240_000;
const T0 = new Date("2026-06-01T09:00:00Z");
afterEach(() => clock.reset());

let seq = 0;
const address = () => `198.18.${Math.floor(seq / 250)}.${(seq++ % 250) + 1}`;
const verifications = () => vi.mocked(verifyPassword).mock.calls.length;
const smsChecks = () => vi.mocked(derivedKey).mock.calls.filter(([purpose]) => purpose === "sms-codes").length;
const settle = <T,>(promises: Promise<T>[]) => Promise.all(promises.map((p) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e))));

describe("attempt limits (SEC-1)", () => {
  test("[SEC-1] a parallel burst of wrong passwords from one address is cut at the limit: only 5 are checked, then even the right one is refused", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const ip = address();
    const before = verifications();
    const results = await settle(Array.from({ length: 20 }, (_, i) => signInWithPassword(db, { email: user.email, password: `guess-${i}-xxxxxxxx` }, { ip })));
    expect(verifications() - before).toBe(5);
    expect(results.filter((r) => r === "UNAUTHENTICATED")).toHaveLength(5);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(15);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.signInFailed" } })).toBe(5);
    await expect(signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  }, SLOW);

  test("[SEC-1] spreading guesses over many addresses still hits the per-account limit, which backs off and then lets the owner in", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const before = verifications();
    const results = await settle(Array.from({ length: 20 }, (_, i) => signInWithPassword(db, { email: user.email, password: `guess-${i}-xxxxxxxx` }, { ip: address() })));
    // Ten failures are free, whatever the addresses; the rest are refused without a check.
    expect(verifications() - before).toBe(10);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(10);
    const locked = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: address() }).catch((e) => e);
    expect(locked).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 60 });

    // After the lock a guess is checked again, and the next lock is twice as long.
    clock.set(new Date(T0.getTime() + MINUTE + 1000));
    await expect(signInWithPassword(db, { email: user.email, password: "one more guess!" }, { ip: address() })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: address() })).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 120 });

    // Backoff, not a permanent lock: once it ends, the owner signs in, which clears the count.
    clock.set(new Date(T0.getTime() + 3 * MINUTE + 2000));
    await expect(signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: address() })).resolves.toMatchObject({ userId: user.id });
    await expect(signInWithPassword(db, { email: user.email, password: "a typo, once" }, { ip: address() })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: address() })).resolves.toMatchObject({ userId: user.id });
  }, SLOW);

  test("[SEC-1] an unknown e-mail is limited exactly like a known one (the limits tell nothing about accounts)", async () => {
    clock.set(T0);
    const email = `nobody-${Date.now()}-${seq}@example.test`;
    const results = await settle(Array.from({ length: 12 }, (_, i) => signInWithPassword(db, { email, password: `guess-${i}-xxxxxxxx` }, { ip: address() })));
    expect(results.filter((r) => r === "UNAUTHENTICATED")).toHaveLength(10);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(2);
  }, SLOW);

  test("[SEC-1] app passwords over HTTP Basic: a parallel burst from one address gets 10 checks, spread addresses 20 per account", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const actor: UserActor = { kind: "user", userId: user.id, sessionId: "s-test", staffRole: null, ip: "10.0.0.1", userAgent: "vitest" };
    const { password: right } = await createAppPassword(db, actor, { name: "Mail", password: DEFAULT_PASSWORD });
    const basic = (password: string, ip: string) =>
      whoami(new Request("http://localhost/api/tools/whoami", { headers: { authorization: `Basic ${Buffer.from(`${user.email}:${password}`).toString("base64")}`, ...fromAddress(ip) } }));
    const wrong = (i: number) => `wron-gggg-uess-${String(i).padStart(4, "0")}`;

    const ip = address();
    let before = verifications();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => basic(wrong(i), ip)));
    expect(verifications() - before).toBe(10);
    expect(burst.filter((r) => r.status === 401)).toHaveLength(10);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(10);
    expect((await basic(right, ip)).status).toBe(429);

    // From other addresses: ten more failures reach the account's twenty, then even the right one waits.
    before = verifications();
    const spread = await Promise.all(Array.from({ length: 15 }, (_, i) => basic(wrong(100 + i), address())));
    expect(verifications() - before).toBe(10);
    expect(spread.filter((r) => r.status === 429)).toHaveLength(5);
    const locked = await basic(right, address());
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    clock.set(new Date(T0.getTime() + 2 * MINUTE));
    expect((await basic(right, address())).status).toBe(200);
  }, SLOW);

  test("[SEC-1] the password typed again for a sensitive change: a parallel burst is cut at the limit", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const actor: UserActor = { kind: "user", userId: user.id, sessionId: "s-test", staffRole: null, ip: address(), userAgent: "vitest" };
    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash;
    const before = verifications();
    const results = await settle(Array.from({ length: 20 }, (_, i) => checkPasswordAgain(db, actor, hash, `guess-${i}-xxxxxxxx`)));
    expect(verifications() - before).toBe(5);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(15);
    await expect(checkPasswordAgain(db, actor, hash, DEFAULT_PASSWORD)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  }, SLOW);

  test("[SEC-1] an SMS code: a parallel burst of wrong codes is checked at most 5 times, and the code is then dead", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const signedIn = await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: address(), userAgent: "vitest" });
    const actor: UserActor = { kind: "user", userId: user.id, sessionId: signedIn.sessionId, staffRole: null, ip: "10.0.0.1", userAgent: "vitest" };
    const phone = `+4179${String(Math.floor(Math.random() * 9000) + 1000)}${String(seq++ % 1000).padStart(3, "0")}`;
    const started = await startSmsEnrolment(db, actor, { phone, password: DEFAULT_PASSWORD });
    const code = (await lastSandboxSms(db, phone))!.body.match(/\b\d{6}\b/)![0];
    const wrongCodes = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const before = smsChecks();
    const results = await settle(wrongCodes.map((c) => confirmSmsEnrolment(db, actor, { methodId: started.methodId, code: c })));
    expect(smsChecks() - before).toBeLessThanOrEqual(5);
    expect(results.every((r) => r === "INVALID_INPUT")).toBe(true);
    await expect(confirmSmsEnrolment(db, actor, { methodId: started.methodId, code })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  }, SLOW);
});
