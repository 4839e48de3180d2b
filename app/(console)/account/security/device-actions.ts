"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { confirmSmsEnrolment, confirmSmsEnrolmentSchema } from "@/lib/two-factor/confirm-sms-enrolment";
import { makeDefaultMethod, makeDefaultMethodSchema } from "@/lib/two-factor/make-default-method";
import { pushEnrolmentStatus, pushEnrolmentStatusSchema } from "@/lib/two-factor/push-enrolment-status";
import { resendSmsEnrolmentCode, resendSmsEnrolmentCodeSchema } from "@/lib/two-factor/resend-sms-enrolment-code";
import { startPushEnrolment, startPushEnrolmentSchema } from "@/lib/two-factor/start-push-enrolment";
import { startSmsEnrolment, startSmsEnrolmentSchema } from "@/lib/two-factor/start-sms-enrolment";

// Thin entry points for the push device and SMS methods: the services check the session and password (2FA-4).
const PAGE = "/account/security";

export const startPushAction = action(startPushEnrolmentSchema, (input, { db, actor }) => startPushEnrolment(db, actor, input));

export const pushStatusAction = action(pushEnrolmentStatusSchema, async (input, { db, actor }) => {
  const res = await pushEnrolmentStatus(db, actor, input);
  if (res.status === "paired") revalidatePath(PAGE);
  return res;
});

export const startSmsAction = action(startSmsEnrolmentSchema, (input, { db, actor }) => startSmsEnrolment(db, actor, input));

export const resendSmsAction = action(resendSmsEnrolmentCodeSchema, (input, { db, actor }) => resendSmsEnrolmentCode(db, actor, input));

export const confirmSmsAction = action(confirmSmsEnrolmentSchema, async (input, { db, actor }) => {
  const res = await confirmSmsEnrolment(db, actor, input);
  revalidatePath(PAGE);
  return res;
});

export const makeDefaultAction = action(makeDefaultMethodSchema, async (input, { db, actor }) => {
  await makeDefaultMethod(db, actor, input);
  revalidatePath(PAGE);
});
