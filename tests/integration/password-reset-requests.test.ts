import { afterEach, describe, expect, test } from "vitest";
import { deliverPasswordReset, deliverPendingPasswordResets } from "@/lib/accounts/deliver-password-reset";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { clock, DAY, MINUTE } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createUser, DEFAULT_PASSWORD, unique } from "../factories";

const db = getDb();
const T0 = new Date("2026-06-02T09:00:00Z");
afterEach(() => clock.reset());

let seq = 0;
const address = () => `198.19.${Math.floor(seq / 250)}.${(seq++ % 250) + 1}`;
const resetMails = (email: string) => db.emailOutbox.count({ where: { toAddress: email, template: "passwordReset" } });

describe("password reset requests", () => {
  test("[SEC-2] [SEC-9] a request does the same work for an existing and an unknown address: the mail is prepared after the answer", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const ghost = `${unique("ghost")}@example.test`;
    const ip = address();

    const known = await requestPasswordReset(db, { email: user.email }, { ip });
    const unknown = await requestPasswordReset(db, { email: ghost }, { ip });
    // Same answer, same row; no link made and nothing mailed yet, so nothing the requester waits for differs.
    expect(known).toEqual({ requestId: expect.any(String) });
    expect(unknown).toEqual({ requestId: expect.any(String) });
    expect(await db.passwordResetRequest.count({ where: { id: { in: [known!.requestId, unknown!.requestId] }, processedAt: null } })).toBe(2);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await resetMails(user.email)).toBe(0);

    expect(await deliverPasswordReset(db, known!.requestId)).toBe("sent");
    expect(await deliverPasswordReset(db, unknown!.requestId)).toBe("noAccount");
    expect(await resetMails(user.email)).toBe(1);
    expect(await resetMails(ghost)).toBe(0);
    // Delivered once only, whoever runs it again.
    expect(await deliverPasswordReset(db, known!.requestId)).toBe("alreadyHandled");
  });

  test("[SEC-9] strangers cannot mail-bomb an account nor use up its owner's resets; the owner's own address still gets a link", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const ownIp = address();
    await signInWithPassword(db, { email: user.email, password: DEFAULT_PASSWORD }, { ip: ownIp, userAgent: "vitest" });

    // Ten strangers' addresses, three requests each: every request gets the same answer…
    const outcomes: string[] = [];
    for (let a = 0; a < 10; a++) {
      const ip = address();
      for (let i = 0; i < 3; i++) {
        const request = await requestPasswordReset(db, { email: user.email }, { ip });
        expect(request).not.toBeNull();
        outcomes.push(await deliverPasswordReset(db, request!.requestId));
      }
    }
    // …but only three mails an hour go out for requests from addresses the account never used.
    expect(await resetMails(user.email)).toBe(3);
    expect(outcomes.filter((o) => o === "dropped")).toHaveLength(27);

    // The owner, from an address they signed in from, still gets a link.
    const own = await requestPasswordReset(db, { email: user.email }, { ip: ownIp });
    expect(await deliverPasswordReset(db, own!.requestId)).toBe("sent");
    expect(await resetMails(user.email)).toBe(4);

    // One address cannot repeat requests for one e-mail endlessly: past three an hour they are dropped.
    await requestPasswordReset(db, { email: user.email }, { ip: ownIp });
    await requestPasswordReset(db, { email: user.email }, { ip: ownIp });
    await expect(requestPasswordReset(db, { email: user.email }, { ip: ownIp })).resolves.toBeNull();

    // An hour later a stranger's request is mailed again.
    clock.set(new Date(T0.getTime() + 61 * MINUTE));
    const later = await requestPasswordReset(db, { email: user.email }, { ip: address() });
    expect(await deliverPasswordReset(db, later!.requestId)).toBe("sent");
  });

  test("[SEC-9] the job delivers requests left undelivered after their answer, and forgets requests after a day", async () => {
    clock.set(T0);
    const user = await createUser(db);
    const request = await requestPasswordReset(db, { email: user.email }, { ip: address() });
    // Just answered: the after-the-answer step has the first minute to itself.
    expect((await deliverPendingPasswordResets(db)).handled).toBe(0);
    clock.set(new Date(T0.getTime() + 2 * MINUTE));
    const run = await deliverPendingPasswordResets(db);
    expect(run.sent).toBeGreaterThanOrEqual(1);
    expect(await resetMails(user.email)).toBe(1);
    clock.set(new Date(T0.getTime() + DAY + 3 * MINUTE));
    await deliverPendingPasswordResets(db);
    expect(await db.passwordResetRequest.count({ where: { id: request!.requestId } })).toBe(0);
  });
});
