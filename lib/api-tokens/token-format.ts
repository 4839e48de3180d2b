import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

/**
 * TOK-1: `mgr_` + 32 base62 characters + a 6-character base62 CRC32 of the prefix and body. Secret
 * scanners recognise the prefix and can verify the checksum offline; we refuse a malformed token before
 * touching the database.
 */
export const TOKEN_PREFIX = "mgr_";
const BODY_LENGTH = 32;
const CHECK_LENGTH = 6;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_RE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${BODY_LENGTH + CHECK_LENGTH}}$`);

function base62(n: number, width: number): string {
  let out = "";
  let v = n >>> 0;
  while (v > 0) {
    out = ALPHABET[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, "0");
}

function checksum(prefixAndBody: string): string {
  return base62(crc32(prefixAndBody), CHECK_LENGTH);
}

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      // 248 = 62 × 4: rejecting higher bytes keeps every character equally likely.
      if (b < 248 && out.length < length) out += ALPHABET[b % 62];
    }
  }
  return out;
}

export function generateToken(): string {
  const head = TOKEN_PREFIX + randomBase62(BODY_LENGTH);
  return head + checksum(head);
}

/** Format and checksum only (no database). */
export function isWellFormedToken(token: string): boolean {
  if (!TOKEN_RE.test(token)) return false;
  const head = token.slice(0, -CHECK_LENGTH);
  return checksum(head) === token.slice(-CHECK_LENGTH);
}

/** What the list shows to recognise a token: the prefix and a few characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 4);
}
