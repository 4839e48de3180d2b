import { NextRequest } from "next/server";
import { afterEach, describe, expect, test } from "vitest";
import { proxy } from "@/proxy";

const appUrl = process.env.APP_URL;
afterEach(() => {
  if (appUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = appUrl;
});

const answer = (url = "http://localhost:3000/sign-in") => proxy(new NextRequest(url));
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("Content-Security-Policy and HSTS (SEC-9)", () => {
  test("[SEC-9] every answer carries a policy with a fresh nonce that scripts need, and Next.js gets the same policy on the request", () => {
    const first = answer();
    const second = answer();
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonceOf(policy));
    // NextResponse.next({ request }) hands the rewritten request headers to the page as these.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(policy));
  });

  test("[SEC-9] HSTS only when the Manager is served over HTTPS", () => {
    process.env.APP_URL = "http://localhost:3000";
    expect(answer().headers.get("strict-transport-security")).toBeNull();
    expect(answer().headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    process.env.APP_URL = "https://manager.example.com";
    const https = answer("https://manager.example.com/sign-in");
    expect(https.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});
