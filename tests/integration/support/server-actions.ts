import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ActionState } from "@/lib/http/action";

/**
 * The server actions of the app, found by reading the app and lib folders, and a way to call one as a
 * form submission would. Shared by the authorization matrix (tests/integration/server-action-matrix.test.ts)
 * and the fuzzed actions (tests/integration/fuzz-actions.test.ts); the test file mocks the framework's
 * request context (next/headers, next/cache, next-intl/server) before calling.
 */
export type ServerAction = (...args: never[]) => unknown;
export type Form = Record<string, string | string[]>;

/** Every function a "use server" module exports, as "file#export". */
export async function serverActions(): Promise<Map<string, ServerAction>> {
  const found = new Map<string, ServerAction>();
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(await readFile(file, "utf8"))) {
        const mod = (await import(path.resolve(file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.set(`${file}#${name}`, value as ServerAction);
      }
    }
  }
  await walk("app");
  await walk("lib");
  return found;
}

/** A Next.js redirect or not-found thrown by an action: how it ends by going to another page. */
export function isNavigation(err: unknown): boolean {
  const digest = String((err as { digest?: string } | null)?.digest);
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK");
}

/** Calls `fn(null, form)` with the form as FormData (repeated keys for lists). */
export async function run(fn: ServerAction, form: Form | FormData): Promise<ActionState | "redirected"> {
  let fd = form;
  if (!(fd instanceof FormData)) {
    fd = new FormData();
    for (const [key, value] of Object.entries(form)) for (const v of ([] as string[]).concat(value)) fd.append(key, v);
  }
  try {
    return await (fn as unknown as (p: ActionState, f: FormData) => Promise<ActionState>)(null, fd);
  } catch (err) {
    // An action that ends by going to another page (create a team, leave) succeeded.
    if (String((err as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) return "redirected";
    throw err;
  }
}
