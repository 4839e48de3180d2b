import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { encrypt } from "@/lib/security/encryption";
import { makeRoomForMethod, requireTwoFactorSession } from "./methods";
import { confirmPassword } from "./reauth";
import { newTotpSecret, totpUri } from "./totp";

export const startTotpEnrolmentSchema = z.object({
  label: z.string().trim().max(60, "validation.tooLong").optional().default(""),
  /** Asked once two-step verification is on: adding a method changes how the account signs in (2FA-4). */
  password: z.string().max(200).optional(),
});

export type TotpEnrolment = { methodId: string; secret: string; uri: string; qrDataUrl: string };

/**
 * 2FA-1: starts adding an authenticator app. The method stays unconfirmed (and inactive) until a first code
 * proves the app holds the secret; the secret is stored encrypted only (2FA-5).
 */
export async function startTotpEnrolment(db: Db, actor: UserActor, raw: unknown): Promise<TotpEnrolment> {
  const input = startTotpEnrolmentSchema.parse(raw ?? {});
  const secret = newTotpSecret();
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, _count: { select: { twoFactorMethods: { where: { confirmedAt: { not: null } } } } } },
  });
  if (user._count.twoFactorMethods > 0) {
    if (!input.password) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { password: ["validation.required"] });
    await confirmPassword(db, actor, input.password);
  }
  const methodId = await db.$transaction(async (tx) => {
    await requireTwoFactorSession(tx, actor);
    await makeRoomForMethod(tx, actor.userId, "TOTP");
    const method = await tx.twoFactorMethod.create({
      data: { userId: actor.userId, type: "TOTP", label: input.label || "", secretEncrypted: encrypt(secret), createdAt: now() },
      select: { id: true },
    });
    await audit(tx, actor, { action: "auth.twoFactorEnrolmentStarted", targetId: method.id, metadata: { type: "TOTP" } });
    return method.id;
  });
  const uri = totpUri({ issuer: config.providerName, account: user.email, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { methodId, secret, uri, qrDataUrl };
}
