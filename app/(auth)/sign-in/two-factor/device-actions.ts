"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/http/client-address";
import { getSession } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { argumentsAction } from "@/lib/http/action";
import { completePushChallenge, completePushChallengeSchema } from "@/lib/two-factor/complete-push-challenge";
import { sendSignInSms, sendSignInSmsSchema } from "@/lib/two-factor/send-sign-in-sms";
import { startPushChallenge, startPushChallengeSchema } from "@/lib/two-factor/start-push-challenge";
import type { PendingSession, RequestMeta } from "@/lib/two-factor/verify-second-factor";

/** Runs a second-step service for this browser's session that waits for it (errors are translated by the wrapper). */
async function forPendingSession<R>(run: (session: PendingSession, meta: RequestMeta) => Promise<R>): Promise<R> {
  const session = await getSession();
  if (!session) throw new AppError("UNAUTHENTICATED");
  const h = await headers();
  return run(
    { id: session.id, userId: session.userId, twoFactorPassed: session.twoFactorPassed, staffRole: session.user.staffRole },
    { ip: clientAddress(h), userAgent: h.get("user-agent") },
  );
}

/** 2FA-1: asks the paired device to approve this sign-in. */
export const startPushChallengeAction = argumentsAction(z.tuple([startPushChallengeSchema.shape.methodId]), async ([methodId], { db }) =>
  forPendingSession(async (session, meta) => ({ challengeId: (await startPushChallenge(db, session, { methodId }, meta)).challengeId })),
);

/** 2FA-1: where the device's answer stands; an approval completes the second step (once). */
export const completePushChallengeAction = argumentsAction(z.tuple([completePushChallengeSchema.shape.challengeId]), async ([challengeId], { db }) =>
  forPendingSession(async (session, meta) => ({ state: await completePushChallenge(db, session, { challengeId }, meta) })),
);

/** 2FA-1: sends a sign-in code by SMS. */
export const sendSignInSmsAction = argumentsAction(z.tuple([sendSignInSmsSchema.shape.methodId]), async ([methodId], { db }) =>
  forPendingSession(async (session, meta) => ({ maskedPhone: (await sendSignInSms(db, session, { methodId }, meta)).maskedPhone })),
);
