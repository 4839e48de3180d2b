import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Secrets that must be read back (TOTP seeds) are stored encrypted with AES-256-GCM under the key in
 * MANAGER_ENCRYPTION_KEY (base64, 32 bytes). Format: "v1:<iv>:<tag>:<ciphertext>", each part base64url.
 */
const VERSION = "v1";

function masterKey(): Buffer {
  const raw = process.env.MANAGER_ENCRYPTION_KEY;
  if (!raw) throw new Error("MANAGER_ENCRYPTION_KEY is not set.");
  const key = Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("MANAGER_ENCRYPTION_KEY must be 32 bytes, base64-encoded.");
  return key;
}

/** A sub-key for one purpose (e.g. the pepper of backup-code hashes), so the master key is used for one thing only. */
export function derivedKey(purpose: string): Buffer {
  return createHmac("sha256", masterKey()).update(`manager:${purpose}`).digest();
}

function encryptionKey(): Buffer {
  return derivedKey("aes-256-gcm");
}

export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(":");
}

export function decrypt(payload: string): string {
  const [version, iv, tag, data] = payload.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("Unknown encrypted payload format.");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
