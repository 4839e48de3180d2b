import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";
import { SIGNATURE_HEADER } from "@/lib/payments/notification-signature";
import { receivePaymentNotification } from "@/lib/payments/receive-notification";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The payment operator's notifications (BIL-5): the signature is checked on the raw body before
 * anything else; a replayed notification answers 200 and changes nothing, so the operator may retry.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return Response.json({ error: "too_large" }, { status: 413 });
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return Response.json({ error: "too_large" }, { status: 413 });
    const outcome = await receivePaymentNotification(getDb(), body, request.headers.get(SIGNATURE_HEADER));
    return Response.json({ received: true, applied: outcome.applied }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    const mapped = mapError(err, { invalidInputStatus: 400 });
    return Response.json({ error: mapped.code }, { status: mapped.status, headers: { "Cache-Control": "no-store", ...mapped.headers } });
  }
}
