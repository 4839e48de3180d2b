import { config } from "@/lib/config";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The host part of a `Host` header or a bind address (`localhost:3000`, `[::1]:3000`, `127.0.0.1`). */
export function hostname(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.startsWith("[")) return v.slice(0, v.indexOf("]") + 1);
  const colons = v.split(":").length - 1;
  return colons === 1 ? v.slice(0, v.indexOf(":")) : v;
}

export function isLoopback(value: string | null | undefined): boolean {
  return !!value && LOOPBACK.has(hostname(value));
}

/**
 * SEC-7: the development mailbox (every e-mail and SMS of the local catcher and sandbox, reset links
 * included) exists only while mail goes to the local catcher, on a server bound to the loopback interface,
 * for a request addressed to a loopback name — so neither another machine nor a web page rebinding a DNS
 * name to 127.0.0.1 can read it.
 */
export function mailboxReachable(hostHeader: string | null, bindHost = process.env.HOST ?? "127.0.0.1"): boolean {
  return config.mailboxEnabled && isLoopback(bindHost) && isLoopback(hostHeader);
}
