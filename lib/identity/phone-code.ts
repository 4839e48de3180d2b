import { createHmac, randomInt } from "node:crypto";
import { derivedKey } from "@/lib/security/encryption";

/** A 6-digit code, uniformly random. */
export function newPhoneCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Only a keyed hash of the code is stored: six digits are too few for a plain hash to hide them. The case
 * id is part of the input, so equal codes of two cases hash differently.
 */
export function hashPhoneCode(caseId: string, code: string): string {
  return createHmac("sha256", derivedKey("identity-phone-code")).update(`${caseId}:${code}`).digest("hex");
}
