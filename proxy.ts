import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "@/lib/config";
import { contentSecurityPolicy, newNonce, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security/content-security-policy";

/**
 * Runs before every page and route (SEC-9): a fresh nonce per request, the Content-Security-Policy that
 * names it — on the request, where Next.js reads it to put the nonce on its scripts, and on the answer —
 * and HSTS when the Manager is served over HTTPS.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = servedOverHttps(settings.appUrl);
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Static files carry no script of their own: no nonce to make for them.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|logo.svg|robots.txt).*)" }],
};
