import { Agent, createServer, ServerResponse, type IncomingMessage, type Server } from "node:http";
import httpProxy from "http-proxy";
import { resolveClientAddress, type TrustedProxies } from "@/lib/http/client-address";

/**
 * The small load balancer of `MANAGER_INSTANCES=N npm start`: several web servers on one database, each
 * request handed to the next one in turn. Nothing needs to stick to an instance: sessions, rate limits,
 * the job queue and the mailbox all live in PostgreSQL.
 *
 * SEC-1: the proxy is the edge, so it applies TRUSTED_PROXIES itself and forwards exactly one
 * X-Forwarded-For entry, the client it resolved (a client-sent chain is never passed on). The instances,
 * listening on loopback only, trust that one hop (`TRUSTED_PROXIES=1`), so per-address limits and audit
 * rows see the same address as with a single server.
 */
export const INSTANCE_HEADER = "x-manager-instance";

export type RoundRobinOptions = {
  /** The instances' base URLs, e.g. `http://127.0.0.1:40123`. */
  targets: string[];
  /** The proxies in front of this one (the operator's TRUSTED_PROXIES). */
  trusted: TrustedProxies;
  /** Tests only: name the instance that answered in an `x-manager-instance` response header. */
  instanceHeader?: boolean;
};

export function createRoundRobinProxy({ targets, trusted, instanceHeader = false }: RoundRobinOptions): Server {
  if (targets.length === 0) throw new Error("the proxy needs at least one instance");
  // Kept-alive connections to the instances; an idle one is dropped after 5 s, long before an instance would close it.
  const agent = new Agent({ keepAlive: true, timeout: 5_000 });
  const proxy = httpProxy.createProxyServer({ agent, xfwd: false });
  const chosen = new WeakMap<IncomingMessage, number>();
  let next = 0;

  /** Picks the next instance and rewrites the forwarded address (SEC-1). */
  function route(req: IncomingMessage): string {
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
    if (address) req.headers["x-forwarded-for"] = address;
    else delete req.headers["x-forwarded-for"];
    const index = next;
    next = (next + 1) % targets.length;
    chosen.set(req, index);
    return targets[index];
  }

  if (instanceHeader) {
    proxy.on("proxyRes", (proxyRes, req) => {
      proxyRes.headers[INSTANCE_HEADER] = String(chosen.get(req) ?? "");
    });
  }
  // An instance that cannot be reached: a plain 502, never a hanging request or a crashed proxy.
  proxy.on("error", (err, req, res) => {
    console.error(`proxy: instance ${chosen.get(req) ?? "?"} failed: ${err.message}`);
    if (res instanceof ServerResponse) {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
      res.end("Bad gateway: the server is restarting, try again in a moment.");
    } else {
      res.destroy();
    }
  });

  const server = createServer((req, res) => proxy.web(req, res, { target: route(req) }));
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => proxy.ws(req, socket, head, { target: route(req) }));
  // As scripts/server.ts: longer than the idle timeout of clients that reuse connections.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("close", () => {
    agent.destroy();
    proxy.close();
  });
  return server;
}
