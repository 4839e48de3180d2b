"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress } from "@/lib/http/client-address";
import { config } from "@/lib/config";
import { argumentsAction } from "@/lib/http/action";
import { answerPushChallenge, answerPushChallengeSchema } from "@/lib/two-factor/answer-push-challenge";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEVICE_COOKIE, findPairedDevice } from "@/lib/two-factor/device-overview";
import { pairPushDevice } from "@/lib/two-factor/pair-push-device";

async function requestMeta() {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: h.get("user-agent") };
}

/**
 * 2FA-1: this browser confirms the pairing link and becomes the push device. Its long-lived secret lives
 * only in an httpOnly cookie scoped to the device pages (the database keeps its hash). The secret's form is
 * the service's to judge (an unknown or malformed link is "not found" there).
 */
export const pairDeviceAction = argumentsAction(z.tuple([z.string().max(1000)]), async ([secret], { db }) => {
  const { deviceSecret } = await pairPushDevice(db, secret, await requestMeta());
  (await cookies()).set(DEVICE_COOKIE, deviceSecret, {
    httpOnly: true,
    secure: config.appUrl.startsWith("https://"),
    sameSite: "lax",
    path: "/device",
    maxAge: 400 * 24 * 60 * 60,
  });
  redirect("/device");
});

/** The caller of the device's answer: this browser's paired device, checked before the answer is read. */
async function pairedDevice(): Promise<string> {
  const deviceSecret = (await cookies()).get(DEVICE_COOKIE)?.value;
  if (!(await findPairedDevice(getDb(), deviceSecret))) throw new AppError("UNAUTHENTICATED", "devices.errors.notPaired");
  return deviceSecret!;
}

/** 2FA-1: YES or NO to a sign-in request, from the paired device. */
export const answerRequestAction = argumentsAction(
  z.tuple([answerPushChallengeSchema.shape.challengeId, answerPushChallengeSchema.shape.answer]),
  async ([challengeId, answer], { db, caller: deviceSecret }) => {
    await answerPushChallenge(db, deviceSecret, { challengeId, answer }, await requestMeta());
  },
  pairedDevice,
);
