"use server";

import { z } from "zod";
import { argumentsAction } from "@/lib/http/action";
import { completePushChallenge, completePushChallengeSchema } from "@/lib/two-factor/complete-push-challenge";
import { sendSignInSms, sendSignInSmsSchema } from "@/lib/two-factor/send-sign-in-sms";
import { startPushChallenge, startPushChallengeSchema } from "@/lib/two-factor/start-push-challenge";
import { pendingSession } from "./pending-session";

/** 2FA-1: asks the paired device to approve this sign-in (for this browser's session, checked first). */
export const startPushChallengeAction = argumentsAction(
  z.tuple([startPushChallengeSchema.shape.methodId]),
  async ([methodId], { db, caller: { session, meta } }) => ({ challengeId: (await startPushChallenge(db, session, { methodId }, meta)).challengeId }),
  pendingSession,
);

/** 2FA-1: where the device's answer stands; an approval completes the second step (once). */
export const completePushChallengeAction = argumentsAction(
  z.tuple([completePushChallengeSchema.shape.challengeId]),
  async ([challengeId], { db, caller: { session, meta } }) => ({ state: await completePushChallenge(db, session, { challengeId }, meta) }),
  pendingSession,
);

/** 2FA-1: sends a sign-in code by SMS. */
export const sendSignInSmsAction = argumentsAction(
  z.tuple([sendSignInSmsSchema.shape.methodId]),
  async ([methodId], { db, caller: { session, meta } }) => ({ maskedPhone: (await sendSignInSms(db, session, { methodId }, meta)).maskedPhone }),
  pendingSession,
);
