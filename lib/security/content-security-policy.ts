/**
 * SEC-9: the Content-Security-Policy of every answer. Scripts run only when they carry this request's
 * nonce (Next.js puts it on its own scripts when it finds the policy on the request) or are loaded by
 * one that does ('strict-dynamic'); nothing is loaded from another origin; no plug-ins, no framing, no
 * `<base>` rewriting, forms post only here. Styles may be inline (`style` attributes set by React);
 * a style cannot run code. Development adds 'unsafe-eval', which React's dev build needs for its
 * stack traces.
 */
export function contentSecurityPolicy(nonce: string, { development = false, https = false } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // QR codes are data: URLs; identity photos come from this origin.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** SEC-9: over HTTPS, browsers are told to use nothing else for two years (the preload list's minimum is one). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Whether the Manager is served over HTTPS: its public address says so (APP_URL). */
export function servedOverHttps(appUrl: string): boolean {
  return appUrl.startsWith("https://");
}
