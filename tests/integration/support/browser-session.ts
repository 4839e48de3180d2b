import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";

/**
 * Console route handlers read the session cookie through next/headers, which only exists inside a
 * Next.js request. A test file replaces that module with `nextHeaders` (its cookie jar is `browser`) and
 * signs in with a real session:
 *   vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);
 */
export const browser = { cookie: undefined as string | undefined };

export const nextHeaders = {
  cookies: async () => ({ get: (name: string) => (name === "manager.session" && browser.cookie ? { name, value: browser.cookie } : undefined) }),
  headers: async () => new Headers(),
};

/** A session that passed every sign-in step; `secondFactor`: one of them was a real second factor (staff need it, SEC-3). */
export async function signIn(userId: string, options: { secondFactor?: boolean } = {}): Promise<void> {
  const { secret } = await createSession(getDb(), { userId, twoFactorPassed: true, secondFactor: options.secondFactor });
  browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
}

export function signOut(): void {
  browser.cookie = undefined;
}
