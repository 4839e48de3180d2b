import { z } from "zod";

export const REMEMBERED_COOKIE = "manager.accounts";
const MAX = 5;

const listSchema = z.array(z.object({ email: z.email(), name: z.string().max(200) })).max(MAX);
export type RememberedAccount = z.infer<typeof listSchema>[number];

/** The accounts remembered on this browser for "switch user" (ACC-5); a tampered cookie reads as empty. */
export function readRememberedAccounts(raw: string | undefined): RememberedAccount[] {
  if (!raw) return [];
  try {
    const parsed = listSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

type CookieJar = { set: (name: string, value: string, opts: Record<string, unknown>) => unknown };

export function writeRememberedAccounts(jar: CookieJar, list: RememberedAccount[]): void {
  const value = Buffer.from(JSON.stringify(list.slice(0, MAX))).toString("base64url");
  jar.set(REMEMBERED_COOKIE, value, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 180 * 24 * 3600 });
}
