import { z } from "zod";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";
import { parseInput } from "@/lib/http/parse-input";
import { translateError } from "@/lib/http/translate-error";
import { translatorFor } from "@/lib/http/translator-for";
import { negotiateLocale } from "@/lib/i18n/locales";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/payments/notification-signature";
import { receivePaymentNotification } from "@/lib/payments/receive-notification";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;
const NO_STORE = { "Cache-Control": "no-store" };

function json(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * The payment operator's notifications (BIL-5): the signature is checked on the raw body before
 * anything else; a replayed notification answers 200 and changes nothing, so the operator may retry.
 * SEC-5: a signed notification whose text cannot be stored (a NUL, a lone surrogate) is invalid input
 * naming the field (parse-input, as every entry point), not a database error; invalid input answers
 * `{ error, message, fields }` in the language the request accepts.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return Response.json({ error: "too_large" }, { status: 413 });
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return Response.json({ error: "too_large" }, { status: 413 });
    const signature = request.headers.get(SIGNATURE_HEADER);
    if (verifySignature(body, signature, config.paymentWebhookSecret)) {
      const parsed = json(body);
      if (parsed !== undefined) parseInput(z.unknown(), parsed);
    }
    const outcome = await receivePaymentNotification(getDb(), body, signature);
    return Response.json({ received: true, applied: outcome.applied }, { headers: NO_STORE });
  } catch (err) {
    const mapped = mapError(err, { invalidInputStatus: 400 });
    const headers = { ...NO_STORE, ...mapped.headers };
    if (mapped.code !== "invalid_input") return Response.json({ error: mapped.code }, { status: mapped.status, headers });
    const { message, fieldErrors } = translateError(await translatorFor(negotiateLocale(request.headers.get("accept-language"))), mapped, "_");
    return Response.json({ error: mapped.code, message, ...(fieldErrors ? { fields: fieldErrors } : {}) }, { status: mapped.status, headers });
  }
}
