import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * SEC-1: where a request comes from. The web server (scripts/server.ts) computes the address from the
 * connection and TRUSTED_PROXIES, and hands it to the application in an internal header that it always
 * overwrites; application code reads it only through `clientAddress()`. A client-sent X-Forwarded-For is
 * believed only as far as TRUSTED_PROXIES says: unset, the connection's address is the client.
 */

/** `hops`: that many proxies in front of us, each appending to X-Forwarded-For; `cidrs`: proxies by address. */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList };

/** Parses TRUSTED_PROXIES: empty or `0` = none, a number = hop count, else a comma-separated list of addresses or CIDRs. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === "0") return { kind: "none" };
  if (/^\d+$/.test(raw)) return { kind: "hops", hops: Math.min(Number(raw), 32) };
  const list = new BlockList();
  for (const entry of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, prefix] = entry.split("/");
    const ip = normalize(addr);
    const type = isIP(ip ?? "");
    if (!ip || !type || (prefix !== undefined && !/^\d+$/.test(prefix))) throw new Error(`TRUSTED_PROXIES: "${entry}" is neither a hop count nor an address or CIDR`);
    const family = type === 4 ? "ipv4" : "ipv6";
    list.addSubnet(ip, prefix === undefined ? (type === 4 ? 32 : 128) : Number(prefix), family);
  }
  return { kind: "cidrs", list };
}

/** A bare address: no IPv4-mapped IPv6 prefix, no brackets or zone; null when it is not an IP address. */
function normalize(raw: string | undefined | null): string | null {
  let s = (raw ?? "").trim().replace(/^\[|\]$/g, "");
  s = s.replace(/%.*$/, "");
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(s)) s = s.slice(7);
  return isIP(s) ? s.toLowerCase() : null;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address from the connection's address and the X-Forwarded-For chain, read from the right:
 * each trusted proxy vouches for the entry before it. A malformed entry stops the walk at the last address
 * that was vouched for, so a client can never choose what it is counted as.
 */
export function resolveClientAddress(socketAddress: string | undefined | null, forwardedFor: string | string[] | undefined | null, trusted: TrustedProxies): string | null {
  const peer = normalize(socketAddress);
  if (!peer || trusted.kind === "none") return peer;
  const chain = ([] as string[]).concat(forwardedFor ?? []).join(",").split(",").map((s) => s.trim()).filter(Boolean);
  let current = peer;
  for (let i = chain.length - 1, hop = 0; i >= 0; i--, hop++) {
    const vouched = trusted.kind === "hops" ? hop < trusted.hops : isTrusted(trusted.list, current);
    if (!vouched) break;
    const next = normalize(chain[i]);
    if (!next) break;
    current = next;
  }
  return current;
}

/** The internal header the server writes; a client's own value is always replaced. */
export const CLIENT_ADDRESS_HEADER = "x-manager-client-address";

/**
 * A per-process value the server puts before the address. Application code in the same process accepts
 * the header only with it, so an app started without this server (where nobody overwrites the header)
 * never believes a client-sent one: it then knows no address rather than a chosen one.
 */
function processKey(): string {
  process.env.MANAGER_CLIENT_ADDRESS_KEY ||= randomBytes(18).toString("base64url");
  return process.env.MANAGER_CLIENT_ADDRESS_KEY;
}

/** The header value for an address (the server, and tests that build requests as the server would). */
export function clientAddressHeaderValue(address: string | null): string {
  return `${processKey()} ${address ?? "-"}`;
}

/** The server's step for every request: drops any client-sent value and writes the resolved address. */
export function stampClientAddress(req: IncomingMessage, trusted: TrustedProxies): void {
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressHeaderValue(address);
}

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined | null;

function readHeader(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === "string" ? v : null;
}

/** SEC-1: the client's address of a request (Headers, or next-auth's plain header object); null when unknown. */
export function clientAddress(headers: HeaderSource): string | null {
  const value = readHeader(headers, CLIENT_ADDRESS_HEADER);
  if (!value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== processKey()) return null;
  return normalize(value.slice(space + 1));
}
