import { verifyAppPassword } from "@/lib/app-passwords/verify-app-password";
import { clientAddress } from "@/lib/http/client-address";
import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";

export const dynamic = "force-dynamic";

const CHALLENGE = 'Basic realm="Manager tools", charset="UTF-8"';

function parseBasic(header: string | null): { email: string; password: string } | null {
  const m = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!m) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i < 0 ? null : { email: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

function refuse(status: 401 | 429, retryAfterSeconds?: number) {
  const headers: Record<string, string> = { "WWW-Authenticate": CHALLENGE, "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  const code = status === 401 ? "unauthenticated" : "rate_limited";
  return Response.json({ result: "error", error: { code } }, { status, headers });
}

/**
 * APP-2: the tools endpoint for mail and CardDAV/CalDAV clients. It accepts only HTTP Basic with the login
 * e-mail and an application password — never the account password, and never a console session.
 */
export async function GET(request: Request): Promise<Response> {
  const credentials = parseBasic(request.headers.get("authorization"));
  if (!credentials) return refuse(401);
  try {
    const ip = clientAddress(request.headers);
    const user = await verifyAppPassword(getDb(), credentials, { ip });
    return Response.json(
      { result: "success", data: { email: user.email, name: `${user.firstName} ${user.lastName}`.trim() } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (err) {
    // The one mapping decides what a failure is; every refusal of the credentials reads the same 401.
    const mapped = mapError(err);
    if (mapped.code === "rate_limited") return refuse(429, Number(mapped.headers["Retry-After"]) || undefined);
    if (mapped.status < 500) return refuse(401);
    return Response.json({ result: "error", error: { code: mapped.code } }, { status: mapped.status, headers: { "Cache-Control": "no-store", ...mapped.headers } });
  }
}
