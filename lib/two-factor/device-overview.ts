import { generate } from "otplib";
import type { Db } from "@/lib/db";
import { now } from "@/lib/clock";
import { decrypt } from "@/lib/security/encryption";
import { hashSecret } from "@/lib/security/tokens";
import { describeDevice } from "@/lib/sessions/device";
import { maskEmail } from "./pair-push-device";
import { TOTP_PERIOD } from "./totp";

export const DEVICE_COOKIE = "manager.device";

/** The active push method a device cookie belongs to, or null once the method was removed (2FA-4). */
export async function findPairedDevice(db: Db, deviceSecret: string | undefined) {
  if (!deviceSecret || deviceSecret.length > 100) return null;
  return db.twoFactorMethod.findFirst({
    where: { deviceTokenHash: hashSecret(deviceSecret), type: "PUSH", confirmedAt: { not: null } },
    select: { id: true, userId: true, label: true, secretEncrypted: true, user: { select: { email: true } } },
  });
}

export type DeviceRequest = { id: string; ip: string | null; browser: string | null; os: string | null; createdAt: Date; expiresAt: Date };

/**
 * 2FA-1: what a paired device shows: the sign-in requests waiting for its answer, and the offline code
 * (a 30-second TOTP code of the device's own secret) with the seconds it has left.
 */
export async function deviceOverview(db: Db, deviceSecret: string | undefined) {
  const device = await findPairedDevice(db, deviceSecret);
  if (!device?.secretEncrypted) return { paired: false as const };
  const t = now();
  const pending = await db.twoFactorChallenge.findMany({
    where: { methodId: device.id, status: "PENDING", expiresAt: { gt: t } },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, ip: true, userAgent: true, createdAt: true, expiresAt: true },
  });
  const epoch = Math.floor(t.getTime() / 1000);
  const offlineCode = await generate({ secret: decrypt(device.secretEncrypted), epoch, period: TOTP_PERIOD });
  return {
    paired: true as const,
    maskedEmail: maskEmail(device.user.email),
    label: device.label,
    requests: pending.map((c): DeviceRequest => ({ id: c.id, ip: c.ip, ...describeDevice(c.userAgent), createdAt: c.createdAt, expiresAt: c.expiresAt })),
    offlineCode,
    secondsLeft: TOTP_PERIOD - (epoch % TOTP_PERIOD),
  };
}
