import { now } from "@/lib/clock";
import { config } from "@/lib/config";

/** RFC 9116: where to report a vulnerability. Contact from `SECURITY_CONTACT`; expires a year ahead. */
export const dynamic = "force-dynamic";

export function GET() {
  const expires = new Date(now().getTime() + 365 * 24 * 3600 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  const body = [
    `Contact: ${config.securityContact}`,
    `Expires: ${expires.toISOString()}`,
    "Preferred-Languages: en, fr, de, it",
    `Canonical: ${config.appUrl}/.well-known/security.txt`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=86400" } });
}
