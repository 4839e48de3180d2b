import { inject } from "vitest";
import { describe, expect, test } from "vitest";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { getDb } from "@/lib/db";
import { listCaughtMail, waitForMail } from "@/lib/dev/mailbox";
import { createUser, DEFAULT_PASSWORD } from "../factories";

const db = getDb();
const FIREFOX_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0; rv:130.0) Gecko/20100101 Firefox/130.0";
const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe("new-device sign-in alert", () => {
  test("[ACC-7] a sign-in from an unknown device after a known one e-mails the user; the first sign-in and a repeat do not", async () => {
    const user = await createUser(db, { locale: "fr", timeZone: "Europe/Paris" });
    const signIn = (ip: string, userAgent: string) => signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip, userAgent });

    await signIn("203.0.113.10", FIREFOX_MAC); // the very first device: nothing to compare with
    await signIn("203.0.113.77", FIREFOX_MAC); // same browser, same /24 network: the same device
    expect(await db.knownDevice.count({ where: { userId: user.id } })).toBe(1);

    await signIn("198.51.100.5", CHROME_WINDOWS);
    const mail = await waitForMail(inject("mailboxUrl"), { to: user.email });
    expect(mail.text).toContain("198.51.100.5");
    expect(mail.text).toContain("Chrome · Windows");
    expect(await db.knownDevice.count({ where: { userId: user.id } })).toBe(2);

    // Exactly one alert: none for the first sign-in or the repeat.
    const outbox = await db.emailOutbox.findMany({ where: { toAddress: user.email, template: "newSignIn" } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].locale).toBe("fr");
    expect(await listCaughtMail(inject("mailboxUrl"), { to: user.email })).toHaveLength(1);
    const signIns = await db.auditLog.findMany({ where: { actorId: user.id, action: "auth.signedIn" }, orderBy: { at: "asc" } });
    expect(signIns.map((e) => (e.metadata as { newDevice?: boolean }).newDevice)).toEqual([true, false, true]);
  });

  test("[ACC-7] signing in again from that second device sends nothing more", async () => {
    const user = await createUser(db);
    const signIn = (ip: string, userAgent: string) => signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip, userAgent });
    await signIn("192.0.2.1", FIREFOX_MAC);
    await signIn("192.0.2.200", CHROME_WINDOWS);
    await waitForMail(inject("mailboxUrl"), { to: user.email });
    await signIn("192.0.2.201", CHROME_WINDOWS);
    await signIn("192.0.2.9", FIREFOX_MAC);
    const signIns = await db.auditLog.findMany({ where: { actorId: user.id, action: "auth.signedIn" }, orderBy: { at: "asc" } });
    expect(signIns.map((e) => (e.metadata as { newDevice?: boolean }).newDevice)).toEqual([true, true, false, false]);
    expect(await db.emailOutbox.count({ where: { toAddress: user.email, template: "newSignIn" } })).toBe(1);
  });
});
