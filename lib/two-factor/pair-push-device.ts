import { linkHolder } from "@/lib/access/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { encrypt } from "@/lib/security/encryption";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { describeDevice } from "@/lib/sessions/device";
import { activateMethod } from "./methods";
import { notifyTwoFactorChange } from "./notify-change";
import { PAIRING_TTL_MS } from "./start-push-enrolment";
import { newTotpSecret } from "./totp";
import type { RequestMeta } from "./verify-second-factor";

export const pairingSecretSchema = z.string().trim().min(20).max(100);

/** Shows only the first letter of the e-mail's local part (`o•••@example.com`). */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

async function livePairing(db: Db, raw: unknown) {
  const parsed = pairingSecretSchema.safeParse(raw);
  if (!parsed.success) return null;
  const method = await db.twoFactorMethod.findFirst({
    where: { deviceTokenHash: hashSecret(parsed.data), type: "PUSH", confirmedAt: null, createdAt: { gt: new Date(now().getTime() - PAIRING_TTL_MS) } },
    select: { id: true, userId: true, label: true, user: { select: { email: true } } },
  });
  return method ? { method, secret: parsed.data } : null;
}

/** What the pairing page shows: the account (masked) a still-valid link pairs with, or null. */
export async function describePairing(db: Db, secret: unknown): Promise<{ maskedEmail: string } | null> {
  const found = await livePairing(db, secret);
  return found ? { maskedEmail: maskEmail(found.method.user.email) } : null;
}

/**
 * 2FA-1: the device confirms the pairing link (once, within 10 minutes). The pairing secret is replaced by
 * a long-lived device secret (answered once, for the device's cookie; only its hash kept) and the offline
 * code secret is created, encrypted. The method becomes active.
 */
export async function pairPushDevice(db: Db, secret: unknown, meta: RequestMeta = {}): Promise<{ deviceSecret: string; userId: string }> {
  const found = await livePairing(db, secret);
  if (!found) throw new AppError("NOT_FOUND", "devices.errors.pairingInvalid");
  const { method } = found;
  const deviceSecret = randomSecret();
  const { browser, os } = describeDevice(meta.userAgent ?? null);
  const label = method.label || [browser, os].filter(Boolean).join(" · ");
  await db.$transaction(async (tx) => {
    // Single use: the conditional update inside activateMethod only matches the still-pending row.
    await activateMethod(
      tx,
      linkHolder("devicePairing", method.id, method.userId, meta),
      { id: method.id, userId: method.userId, type: "PUSH" },
      { deviceTokenHash: hashSecret(deviceSecret), secretEncrypted: encrypt(newTotpSecret()), label },
      // Backup codes are shown on the computer that started the pairing, not on the device (see push-enrolment-status).
      { issueBackupCodes: false, setupExpiredKey: "devices.errors.pairingInvalid" },
    );
  });
  await notifyTwoFactorChange(db, method.userId, "methodAdded", "PUSH");
  return { deviceSecret, userId: method.userId };
}
