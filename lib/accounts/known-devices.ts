import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import type { Locale } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/send-email";
import { describeDevice } from "@/lib/sessions/device";

/** The network a sign-in came from: IPv4 /24 or IPv6 /48, so a new DHCP lease is not a "new device". */
function network(ip: string | null | undefined): string {
  if (!ip) return "unknown";
  const v4 = ip.replace(/^::ffff:/, "");
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.split(".").slice(0, 3).join(".") + ".0/24";
  if (ip.includes(":")) return ip.toLowerCase().split(":").slice(0, 3).join(":") + "::/48";
  return ip;
}

/** A coarse fingerprint: browser family, operating system and network. Nothing reversible is stored. */
export function deviceFingerprint(meta: { ip?: string | null; userAgent?: string | null }) {
  const { browser, os } = describeDevice(meta.userAgent ?? null);
  const label = browser && os ? `${browser} · ${os}` : (browser ?? os ?? (meta.userAgent?.slice(0, 60) || "unknown"));
  const hash = createHash("sha256").update([browser ?? "?", os ?? "?", network(meta.ip)].join("|")).digest("hex");
  return { hash, label };
}

/**
 * Remembers the device of a successful sign-in. Answers whether to alert the user: only for a device not
 * seen before on an account that already knew another one (never on the very first sign-in).
 */
export async function rememberDevice(tx: Tx, userId: string, meta: { ip?: string | null; userAgent?: string | null }) {
  const { hash, label } = deviceFingerprint(meta);
  const t = now();
  const seen = await tx.knownDevice.updateMany({ where: { userId, deviceHash: hash }, data: { lastSeenAt: t } });
  if (seen.count > 0) return { isNew: false, alert: false, label };
  const others = await tx.knownDevice.count({ where: { userId } });
  await tx.knownDevice.createMany({ data: [{ userId, deviceHash: hash, label, firstSeenAt: t, lastSeenAt: t }], skipDuplicates: true });
  return { isNew: true, alert: others > 0, label };
}

/**
 * Sends the "new sign-in" e-mail without holding up the sign-in: delivery failures are already kept in the
 * outbox by sendEmail, and anything else is logged, never thrown at the user.
 */
export function alertNewDevice(
  db: Db,
  user: { email: string; locale: Locale; timeZone: string },
  sign: { ip?: string | null; label: string },
): void {
  sendEmail(db, {
    to: user.email,
    template: "newSignIn",
    params: { when: now(), ip: sign.ip ?? "—", device: sign.label, timeZone: user.timeZone },
    locale: user.locale,
  }).catch((err: unknown) => console.error("new sign-in alert failed", err));
}
