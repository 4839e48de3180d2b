import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROOT = path.resolve("app/api");

/**
 * Routes a URL under /api to its route file as Next.js does (a static folder before a `[param]` one),
 * so a client can be tested through URLs alone, without a running server.
 */
async function resolve(pathname: string): Promise<{ file: string; params: Record<string, string> } | null> {
  const segments = pathname.replace(/^\/api\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const walk = (dir: string, i: number, params: Record<string, string>): { file: string; params: Record<string, string> } | null => {
    if (i === segments.length) return existsSync(path.join(dir, "route.ts")) ? { file: path.join(dir, "route.ts"), params } : null;
    const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
    const exact = entries.find((e) => e.name === segments[i]);
    if (exact) {
      const found = walk(path.join(dir, exact.name), i + 1, params);
      if (found) return found;
    }
    for (const e of entries.filter((x) => /^\[\w+\]$/.test(x.name))) {
      const found = walk(path.join(dir, e.name), i + 1, { ...params, [e.name.slice(1, -1)]: segments[i] });
      if (found) return found;
    }
    return null;
  };
  return walk(ROOT, 0, {});
}

/** A `fetch` answering from the route handlers in this process, for URLs `http://localhost/api/…`. */
export async function apiFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const method = init.method ?? "GET";
  const target = await resolve(new URL(url).pathname);
  if (!target) return new Response("Not found", { status: 404 });
  const mod = (await import(target.file)) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (!handler) return new Response("Method not allowed", { status: 405 });
  return handler(new Request(url, { method, headers: init.headers, body: init.body }), { params: Promise.resolve(target.params) });
}
