import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { MINUTE, now } from "@/lib/clock";
import { config } from "@/lib/config";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { makeRoomForMethod, requireTwoFactorSession } from "./methods";
import { confirmPassword } from "./reauth";

export const startPushEnrolmentSchema = z.object({
  label: z.string().trim().max(60, "validation.tooLong").optional().default(""),
  password: z.string().min(1, "validation.required").max(200),
});

/** A pairing link works once, for 10 minutes. */
export const PAIRING_TTL_MS = 10 * MINUTE;

export type PushEnrolment = { methodId: string; pairingUrl: string; qrDataUrl: string; expiresAt: Date };

/**
 * 2FA-1 ("kAuth"): starts pairing a push-approval device. The method stays pending (inactive) until the
 * device opens the pairing link and confirms; only the SHA-256 of the pairing secret is kept, in the
 * method's device-token column, until pairing replaces it with the device's own secret (2FA-5).
 */
export async function startPushEnrolment(db: Db, actor: UserActor, raw: unknown): Promise<PushEnrolment> {
  const input = startPushEnrolmentSchema.parse(raw ?? {});
  await confirmPassword(db, actor, input.password);
  const secret = randomSecret();
  const created = now();
  const methodId = await db.$transaction(async (tx) => {
    await requireTwoFactorSession(tx, actor);
    await makeRoomForMethod(tx, actor.userId, "PUSH");
    const method = await tx.twoFactorMethod.create({
      data: { userId: actor.userId, type: "PUSH", label: input.label, deviceTokenHash: hashSecret(secret), createdAt: created },
      select: { id: true },
    });
    await audit(tx, actor, { action: "auth.twoFactorEnrolmentStarted", targetId: method.id, metadata: { type: "PUSH" } });
    return method.id;
  });
  const pairingUrl = `${config.appUrl}/device/pair/${secret}`;
  const qrDataUrl = await QRCode.toDataURL(pairingUrl, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { methodId, pairingUrl, qrDataUrl, expiresAt: new Date(created.getTime() + PAIRING_TTL_MS) };
}
