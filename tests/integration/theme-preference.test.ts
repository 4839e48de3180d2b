import { beforeEach, describe, expect, test, vi } from "vitest";
import { updateTheme } from "@/lib/accounts/update-theme";
import { setTheme } from "@/lib/actions/preferences";
import { getDb } from "@/lib/db";
import { resolveTheme } from "@/lib/theme/resolve-theme";
import { THEME_COOKIE } from "@/lib/theme/themes";
import { createUser } from "../factories";
import { browser, signIn, signOut } from "./support/browser-session";

/**
 * The theme choice (light / dark / same as the device), through the real server action with a real
 * session. next/headers is the framework's request context: it is replaced by a cookie jar that holds the
 * real session cookie and whatever the action sets; the translator gives the catalogue keys.
 */
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      if (name === "manager.session") return browser.cookie ? { name, value: browser.cookie } : undefined;
      return jar.has(name) ? { name, value: jar.get(name)! } : undefined;
    },
    set: (name: string, value: string) => void jar.set(name, value),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

function form(theme: string): FormData {
  const fd = new FormData();
  fd.set("theme", theme);
  return fd;
}

const themeOf = async (userId: string) => (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).theme;

beforeEach(() => {
  signOut();
  jar.clear();
});

describe("the theme preference (ACC-5)", () => {
  test("[ACC-5] a signed-in person's choice is saved on the user and in the browser; another browser gets it from the user", async () => {
    const db = getDb();
    const [me, other] = [await createUser(db), await createUser(db)];
    expect(await themeOf(me.id)).toBeNull();
    await signIn(me.id);
    expect(await setTheme(null, form("dark"))).toEqual({ ok: true, data: "dark" });
    expect(await themeOf(me.id)).toBe("dark");
    expect(jar.get(THEME_COOKIE)).toBe("dark");
    expect(await themeOf(other.id)).toBeNull();

    // A new browser (no theme cookie), signed in as the same person: dark on <html> from the first paint.
    jar.clear();
    await signIn(me.id);
    expect(await resolveTheme()).toBe("dark");
    // The saved choice wins over a cookie left by someone else on a shared browser.
    jar.set(THEME_COOKIE, "light");
    expect(await resolveTheme()).toBe("dark");

    // "Same as the device" is a choice too: saved, and the stylesheet then follows prefers-color-scheme.
    expect(await setTheme(null, form("system"))).toMatchObject({ ok: true });
    expect(await themeOf(me.id)).toBe("system");
    expect(await resolveTheme()).toBe("system");
  });

  test("[ACC-5] signed out, the choice lives in the cookie only; a person who never chose follows the cookie, then the device", async () => {
    const db = getDb();
    const me = await createUser(db);
    expect(await resolveTheme()).toBe("system");
    expect(await setTheme(null, form("light"))).toEqual({ ok: true, data: "light" });
    expect(jar.get(THEME_COOKIE)).toBe("light");
    expect(await resolveTheme()).toBe("light");
    expect(await db.user.count({ where: { theme: { not: null }, id: me.id } })).toBe(0);
    // Signing in keeps the browser's choice until the person picks one.
    await signIn(me.id);
    expect(await resolveTheme()).toBe("light");
    jar.set(THEME_COOKIE, "not-a-theme");
    expect(await resolveTheme()).toBe("system");
  });

  test("[ACC-5] an unknown theme is a field error: nothing is saved, no cookie is set", async () => {
    const db = getDb();
    const me = await createUser(db);
    await signIn(me.id);
    for (const bad of ["purple", "", "DARK", "x".repeat(5000)]) {
      expect(await setTheme(null, form(bad))).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { theme: expect.any(String) } });
    }
    expect(await setTheme(null, new FormData())).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await themeOf(me.id)).toBeNull();
    expect(jar.has(THEME_COOKIE)).toBe(false);
  });

  test("[ACC-5] the service changes only the acting person's own theme", async () => {
    const db = getDb();
    const [me, other] = [await createUser(db), await createUser(db)];
    await updateTheme(db, { kind: "user", userId: me.id, sessionId: "s", staffRole: null }, { theme: "dark" });
    expect(await themeOf(me.id)).toBe("dark");
    expect(await themeOf(other.id)).toBeNull();
  });
});
