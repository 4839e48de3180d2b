"use server";

import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { clientAddress } from "@/lib/http/client-address";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { errorState, type ActionState } from "@/lib/http/action";
import { answerPushChallenge } from "@/lib/two-factor/answer-push-challenge";
import { DEVICE_COOKIE } from "@/lib/two-factor/device-overview";
import { pairPushDevice } from "@/lib/two-factor/pair-push-device";

async function requestMeta() {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: h.get("user-agent") };
}

/**
 * 2FA-1: this browser confirms the pairing link and becomes the push device. Its long-lived secret lives
 * only in an httpOnly cookie scoped to the device pages (the database keeps its hash).
 */
export async function pairDeviceAction(secret: string): Promise<ActionState> {
  try {
    const { deviceSecret } = await pairPushDevice(getDb(), secret, await requestMeta());
    (await cookies()).set(DEVICE_COOKIE, deviceSecret, {
      httpOnly: true,
      secure: config.appUrl.startsWith("https://"),
      sameSite: "lax",
      path: "/device",
      maxAge: 400 * 24 * 60 * 60,
    });
  } catch (err) {
    unstable_rethrow(err);
    return errorState(err);
  }
  redirect("/device");
}

/** 2FA-1: YES or NO to a sign-in request, from the paired device. */
export async function answerRequestAction(challengeId: string, answer: "approve" | "deny"): Promise<ActionState> {
  try {
    const deviceSecret = (await cookies()).get(DEVICE_COOKIE)?.value;
    await answerPushChallenge(getDb(), deviceSecret, { challengeId, answer }, await requestMeta());
    return { ok: true };
  } catch (err) {
    unstable_rethrow(err);
    return errorState(err);
  }
}
