import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { GET as whoami } from "@/app/api/tools/whoami/route";
import { getDb } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies, resolveClientAddress, stampClientAddress } from "@/lib/http/client-address";
import { createUser } from "../factories";
import { fromAddress } from "../factories/client-address";

/**
 * SEC-1: the address every limit, audit row, session and new-device check uses comes from the connection
 * unless TRUSTED_PROXIES says which proxies to believe. The server's step (`stampClientAddress`) runs on
 * a real Node HTTP server here, reached over a real TCP connection from 127.0.0.1.
 */
let server: Server | null = null;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = null;
});

/** A server that stamps each request as scripts/server.ts does and answers what the application reads. */
async function echoServer(trustedProxies: string | undefined): Promise<number> {
  const trusted = parseTrustedProxies(trustedProxies);
  server = createServer((req, res) => {
    stampClientAddress(req, trusted);
    res.end(JSON.stringify({ address: clientAddress(req.headers as Record<string, unknown>) }));
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

function get(port: number, headers: Record<string, string>): Promise<{ address: string | null }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("client address", () => {
  test("[SEC-1] without TRUSTED_PROXIES a spoofed X-Forwarded-For (or a forged internal header) does not change the address", async () => {
    const port = await echoServer(undefined);
    expect(await get(port, {})).toEqual({ address: "127.0.0.1" });
    expect(await get(port, { "x-forwarded-for": "203.0.113.9" })).toEqual({ address: "127.0.0.1" });
    expect(await get(port, { "x-forwarded-for": "198.51.100.1, 203.0.113.9", "x-real-ip": "192.0.2.44" })).toEqual({ address: "127.0.0.1" });
    expect(await get(port, { [CLIENT_ADDRESS_HEADER]: "guess 203.0.113.9" })).toEqual({ address: "127.0.0.1" });
  });

  test("[SEC-1] with TRUSTED_PROXIES=1 the last hop of X-Forwarded-For is the client; entries before it are ignored", async () => {
    const port = await echoServer("1");
    expect(await get(port, { "x-forwarded-for": "198.51.100.1, 203.0.113.9" })).toEqual({ address: "203.0.113.9" });
    expect(await get(port, { "x-forwarded-for": "203.0.113.10" })).toEqual({ address: "203.0.113.10" });
    // No header: the proxy itself (nothing forwarded); a malformed last hop: never believed.
    expect(await get(port, {})).toEqual({ address: "127.0.0.1" });
    expect(await get(port, { "x-forwarded-for": "198.51.100.1, not-an-ip" })).toEqual({ address: "127.0.0.1" });
  });

  test("[SEC-1] TRUSTED_PROXIES as CIDRs: the chain is walked from the right while the hop is a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 2001:db8::/32");
    expect(resolveClientAddress("10.1.2.3", "198.51.100.7, 203.0.113.9, 10.0.0.5", trusted)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:10.1.2.3", "203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8::1", "2001:db8::2, 2a00:1450::1", trusted)).toBe("2a00:1450::1");
    // A connection from outside the list is the client, whatever it forwards.
    expect(resolveClientAddress("203.0.113.50", "10.0.0.5", trusted)).toBe("203.0.113.50");
    // Two hops: the client behind both proxies.
    expect(resolveClientAddress("10.0.0.1", "198.51.100.7, 203.0.113.9, 10.0.0.5", parseTrustedProxies("2"))).toBe("203.0.113.9");
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.example")).toThrow(/TRUSTED_PROXIES/);
  });

  test("[SEC-1] the tools endpoint keys its limit on the server's address, not on a client-sent X-Forwarded-For", async () => {
    const user = await createUser(getDb());
    const auth = Buffer.from(`${user.email}:wron-gggg-uess-0000`, "utf8").toString("base64");
    const attempt = (i: number) =>
      whoami(new Request("http://localhost/api/tools/whoami", { headers: { authorization: `Basic ${auth}`, "x-forwarded-for": `198.51.100.${i}`, ...fromAddress("192.0.2.77") } }));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt(i)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
