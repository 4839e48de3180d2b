import { renewalCalendar } from "@/lib/calendar/renewal-calendar";
import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";

export const dynamic = "force-dynamic";

/**
 * A person's renewal calendar (ICS), read by calendar apps without a session: the secret in the URL is the
 * credential (SHA-256 stored). An unknown or revoked secret answers 404, like any unknown page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ secret: string }> }): Promise<Response> {
  const { secret } = await params;
  try {
    const body = await renewalCalendar(getDb(), secret);
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="renewals.ics"',
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
        "X-Robots-Tag": "noindex",
      },
    });
  } catch (err) {
    const mapped = mapError(err);
    return new Response(mapped.status === 404 ? "Not found" : "Error", { status: mapped.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...mapped.headers } });
  }
}
