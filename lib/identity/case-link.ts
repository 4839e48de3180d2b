import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/tokens";
import { maskPhoneNumber } from "@/lib/sms/phone-number";
import { caseExpiresAt, isCaseLive, PHONE_CODE_TTL_MS } from "./rules";

/** The random secret of a case link (base64url); anything else cannot be one. */
export const caseSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export function caseUrl(secret: string): string {
  return `${config.appUrl}/verify/${secret}`;
}

/**
 * The case a link opens, found by the hash of its secret (the secret itself is never stored), or null
 * when the secret is malformed or unknown.
 */
export async function findCaseBySecret(db: Db | Tx, secret: string) {
  if (!caseSecretSchema.safeParse(secret).success) return null;
  return db.identityVerification.findUnique({ where: { tokenHash: hashSecret(secret) } });
}

/** Like findCaseBySecret, for a step of the procedure: the case must still be open and within its 72 hours. */
export async function requireLiveCase(db: Db | Tx, secret: string) {
  const found = await findCaseBySecret(db, secret);
  if (!found || !isCaseLive(found, now())) throw new AppError("NOT_FOUND", "verification.errors.linkInvalid");
  return found;
}

export type CaseView = {
  status: "OPEN" | "PHONE_CONFIRMED" | "SUBMITTED" | "CLOSED";
  expiresAt: Date;
  phoneMasked: string | null;
  codeSent: boolean;
};

/** IDV-2: what the case page shows to whoever holds the link; null for an unknown link. */
export async function getCaseView(db: Db, secret: string): Promise<CaseView | null> {
  const found = await findCaseBySecret(db, secret);
  if (!found) return null;
  const at = now();
  const live = isCaseLive(found, at);
  return {
    status: live ? (found.status as CaseView["status"]) : "CLOSED",
    expiresAt: caseExpiresAt(found.createdAt),
    phoneMasked: found.phone ? maskPhoneNumber(found.phone) : null,
    codeSent: !!found.phoneCodeHash && !!found.phoneCodeSentAt && at.getTime() - found.phoneCodeSentAt.getTime() < PHONE_CODE_TTL_MS,
  };
}
