"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientAddress } from "@/lib/http/client-address";
import { getSession } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorState, type ActionState } from "@/lib/http/action";
import { completePushChallenge, type PushChallengeState } from "@/lib/two-factor/complete-push-challenge";
import { sendSignInSms } from "@/lib/two-factor/send-sign-in-sms";
import { startPushChallenge } from "@/lib/two-factor/start-push-challenge";
import type { PendingSession, RequestMeta } from "@/lib/two-factor/verify-second-factor";

/** Runs a second-step service for this browser's session that waits for it, with translated errors. */
async function forPendingSession<R>(run: (session: PendingSession, meta: RequestMeta) => Promise<R>): Promise<ActionState<R>> {
  try {
    const session = await getSession();
    if (!session) throw new AppError("UNAUTHENTICATED");
    const h = await headers();
    const data = await run(
      { id: session.id, userId: session.userId, twoFactorPassed: session.twoFactorPassed, staffRole: session.user.staffRole },
      { ip: clientAddress(h), userAgent: h.get("user-agent") },
    );
    return { ok: true, data };
  } catch (err) {
    unstable_rethrow(err);
    return errorState(err);
  }
}

/** 2FA-1: asks the paired device to approve this sign-in. */
export async function startPushChallengeAction(methodId: string): Promise<ActionState<{ challengeId: string }>> {
  return forPendingSession(async (session, meta) => ({ challengeId: (await startPushChallenge(getDb(), session, { methodId }, meta)).challengeId }));
}

/** 2FA-1: where the device's answer stands; an approval completes the second step (once). */
export async function completePushChallengeAction(challengeId: string): Promise<ActionState<{ state: PushChallengeState }>> {
  return forPendingSession(async (session, meta) => ({ state: await completePushChallenge(getDb(), session, { challengeId }, meta) }));
}

/** 2FA-1: sends a sign-in code by SMS. */
export async function sendSignInSmsAction(methodId: string): Promise<ActionState<{ maskedPhone: string }>> {
  return forPendingSession(async (session, meta) => ({ maskedPhone: (await sendSignInSms(getDb(), session, { methodId }, meta)).maskedPhone }));
}
