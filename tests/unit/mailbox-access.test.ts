import { afterEach, describe, expect, test } from "vitest";
import { hostname, mailboxReachable } from "@/lib/dev/mailbox-access";

const saved = process.env.MAILBOX_ENABLED;
afterEach(() => {
  process.env.MAILBOX_ENABLED = saved;
});

describe("development mailbox reachability (SEC-7)", () => {
  test("[SEC-7] only with the local catcher, on a loopback-bound server, for a request addressed to a loopback name", () => {
    process.env.MAILBOX_ENABLED = "1";
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST"]) expect(mailboxReachable(host, "127.0.0.1")).toBe(true);
    // DNS rebinding or another machine: a Host header that is not a loopback name.
    for (const host of ["attacker.example:3000", "192.168.1.20:3000", "127.0.0.1.nip.io", "", null]) expect(mailboxReachable(host, "127.0.0.1")).toBe(false);
    // A server listening on every interface never serves it, whatever the Host header says.
    expect(mailboxReachable("localhost:3000", "0.0.0.0")).toBe(false);
    expect(mailboxReachable("localhost:3000", "::")).toBe(false);
    // An external SMTP server: no mailbox at all.
    process.env.MAILBOX_ENABLED = "0";
    expect(mailboxReachable("localhost:3000", "127.0.0.1")).toBe(false);
  });

  test("[SEC-7] host names are read without their port", () => {
    expect(hostname("Example.COM:8080")).toBe("example.com");
    expect(hostname("[::1]:3000")).toBe("[::1]");
    expect(hostname("::1")).toBe("::1");
  });
});
