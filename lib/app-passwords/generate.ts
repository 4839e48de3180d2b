import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * 16 random lowercase letters/digits (≈ 82 bits), shown as four groups of four for readability,
 * e.g. "k3fz-9qwa-m2xd-7bnp". Clients may type it with or without the dashes.
 */
export function generateAppPassword(): string {
  const chars = Array.from({ length: GROUPS * GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(""));
  return groups.join("-");
}

/** The form that is hashed and compared: no separators or spaces, lower case. */
export function normalizeAppPassword(raw: string): string {
  return raw.replace(/[\s-]/g, "").toLowerCase();
}

/** The last four characters, stored in clear so the list can tell passwords apart (never enough to guess). */
export function displayHintOf(normalized: string): string {
  return normalized.slice(-4);
}
