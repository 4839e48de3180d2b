/**
 * The production web server: Next.js's request handler behind a plain Node HTTP server, so that the
 * client's address comes from the connection (SEC-1). Each request gets the address resolved from the
 * socket and TRUSTED_PROXIES in an internal header, replacing whatever the client sent.
 *
 *   npx tsx scripts/server.ts            (PORT, HOST, TRUSTED_PROXIES from the environment; needs a build)
 *
 * Behind the round-robin proxy of `MANAGER_INSTANCES` (scripts/start.ts), MANAGER_LISTEN_HOST is the
 * loopback address this instance listens on, while HOST keeps naming the Manager's public bind address.
 */
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { parseTrustedProxies, stampClientAddress } from "../lib/http/client-address";
import { UNAVAILABLE_RETRY_SECONDS } from "../lib/http/map-error";
import { databaseUnavailableNow, requestFaults } from "../lib/http/request-faults";

/**
 * A page cannot set its own status: when it failed because the database is out, Next.js's 500 becomes a
 * 503 with Retry-After (the error page already says "temporarily unavailable"), like the API's answers.
 */
function answerOutagesWith503(res: ServerResponse) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 500 && databaseUnavailableNow()) {
      res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_SECONDS));
      res.statusMessage = "Service Unavailable";
      return writeHead(503, ...rest.filter((r) => typeof r !== "string"));
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
}

/**
 * SEC-5: a path whose percent-encoding is malformed (`/%E0%A4%A`) names no page; Next.js answers such a
 * path with a bare 500 while decoding it, so it is refused here as the bad request it is.
 */
function malformedPath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.MANAGER_LISTEN_HOST ?? process.env.HOST ?? "127.0.0.1";
  // Refuses to start on a malformed setting rather than guessing which proxies to believe.
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    if (malformedPath(req.url)) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad Request");
      return;
    }
    stampClientAddress(req, trusted);
    answerOutagesWith503(res);
    void requestFaults.run({ databaseUnavailable: false }, () =>
      handle(req, res).catch((err: unknown) => {
        console.error("request failed", err);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }),
    );
  });
  // Longer than the idle timeout of the proxies and clients that reuse connections (60 s is common), so the
  // server never closes a kept-alive connection just as a request is being sent on it (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => console.log(`web server on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
