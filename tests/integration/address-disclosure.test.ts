import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, inject, test, vi } from "vitest";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { inviteUserAction } from "@/app/(console)/[org]/users/invite/actions";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { waitForMail } from "@/lib/dev/mailbox";
import { createOrganization, createUser, unique } from "../factories";

// The actions read the session cookie and the client's headers through next/headers, which only exists
// inside a Next.js request: the browser is these variables; the session behind the cookie is a real one.
const browser = vi.hoisted(() => ({ cookie: undefined as string | undefined, ip: "192.0.2.1" }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "manager.session" && browser.cookie ? { name, value: browser.cookie } : undefined) }),
  headers: async () => new Headers({ "x-forwarded-for": browser.ip }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

beforeEach(() => {
  browser.cookie = undefined;
});

async function signIn(userId: string) {
  const { secret } = await createSession(getDb(), { userId, twoFactorPassed: true });
  browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
}

function form(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

/** An answer with the address and fresh ids masked: what is left must not depend on the address. */
function shape(answer: unknown, email: string): unknown {
  return JSON.parse(JSON.stringify(answer), (_key, value) =>
    value === email ? "<email>" : typeof value === "string" && /^c[a-z0-9]{20,}$/.test(value) ? "<id>" : value,
  );
}

describe("answers that could tell whether an address has an account (SEC-2)", () => {
  test("[SEC-2][ACC-2] the sign-up form answers the same for a new address and one with an account", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const fresh = `${unique("fresh")}@example.test`;
    const answers = [];
    for (const email of [owner.email, fresh]) {
      browser.ip = `192.0.2.${answers.length + 10}`;
      const state = await signUpAction(
        null,
        form({ entityType: "INDIVIDUAL", firstName: "Ann", lastName: "Other", email, password: "a long enough password", country: "CH", locale: "en" }),
      );
      // Each address gets a mail: the owner a notice, the new account its confirmation link.
      await waitForMail(inject("mailboxUrl"), { to: email, timeoutMs: 15_000 });
      answers.push(shape(state, email));
    }
    expect(answers[0]).toEqual({ ok: true, data: { email: "<email>" } });
    expect(answers[1]).toEqual(answers[0]);
    expect(await db.membership.count({ where: { userId: owner.id } })).toBe(0);
  });

  test("[SEC-2][ORG-2] the \"add a user\" form answers the same for an address with an account and one without", async () => {
    const db = getDb();
    const inviter = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: inviter.id });
    const withAccount = await createUser(db);
    await createOrganization(db, { legalRepresentativeId: withAccount.id });
    await signIn(inviter.id);
    const answers = [];
    for (const email of [withAccount.email, `${unique("nobody")}@example.test`]) {
      answers.push(shape(await inviteUserAction(null, form({ orgId: org.id, email, role: "USER" })), email));
    }
    expect(answers[0]).toEqual({ ok: true, data: { email: "<email>", invitationId: "<id>" } });
    expect(answers[1]).toEqual(answers[0]);
    expect(await db.membership.count({ where: { orgId: org.id, userId: withAccount.id } })).toBe(0);
  });
});
