import { createHmac, timingSafeEqual } from "node:crypto";

/** The header a notification's signature travels in: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "x-payment-signature";

function mac(secret: string, timestamp: string, body: string): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
}

/** Signs a notification body as the operator does (the timestamp is part of what is signed). */
export function signNotification(body: string, secret: string, at: Date): string {
  const t = String(Math.floor(at.getTime() / 1000));
  return `t=${t},v1=${mac(secret, t, body).toString("hex")}`;
}

/**
 * True when the header carries a valid signature of exactly this body. The comparison takes constant
 * time. An old timestamp is accepted: a replayed notification is harmless because applying one is
 * idempotent (lib/payments/receive-notification.ts).
 */
export function verifySignature(body: string, header: string | null, secret: string): boolean {
  if (!header || header.length > 200) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = parts.t;
  const v1 = parts.v1;
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, "hex"), mac(secret, t, body));
}
