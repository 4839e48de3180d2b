import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret for links and cookies (URL-safe). Only its hash is stored. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * SHA-256 is enough for high-entropy random secrets (links, session ids, API tokens): unlike passwords
 * they cannot be guessed, and a fast hash keeps look-ups indexed.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
