"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { revokeOtherUserSessions } from "@/lib/sessions/revoke-other-sessions";
import { revokeUserSession, revokeUserSessionSchema } from "@/lib/sessions/revoke-session";
import { regenerateBackupCodes, regenerateBackupCodesSchema } from "@/lib/two-factor/backup-codes";
import { confirmTotpEnrolment, confirmTotpEnrolmentSchema } from "@/lib/two-factor/confirm-totp-enrolment";
import { disableTwoFactor, disableTwoFactorSchema } from "@/lib/two-factor/disable-two-factor";
import { removeTwoFactorMethod, removeTwoFactorMethodSchema } from "@/lib/two-factor/remove-method";
import { startTotpEnrolment, startTotpEnrolmentSchema } from "@/lib/two-factor/start-totp-enrolment";

// Thin entry points: the services check the session, the password (2FA-4) and validate.
const PAGE = "/account/security";

export const startTotpAction = action(startTotpEnrolmentSchema, async (input, { db, actor }) => {
  const res = await startTotpEnrolment(db, actor, input);
  return res;
});

export const confirmTotpAction = action(confirmTotpEnrolmentSchema, async (input, { db, actor }) => {
  const res = await confirmTotpEnrolment(db, actor, input);
  revalidatePath(PAGE);
  return res;
});

export const regenerateBackupCodesAction = action(regenerateBackupCodesSchema, async (input, { db, actor }) => {
  const res = await regenerateBackupCodes(db, actor, input);
  revalidatePath(PAGE);
  return res;
});

export const removeMethodAction = action(removeTwoFactorMethodSchema, async (input, { db, actor }) => {
  const res = await removeTwoFactorMethod(db, actor, input);
  revalidatePath(PAGE);
  return res;
});

export const disableTwoFactorAction = action(disableTwoFactorSchema, async (input, { db, actor }) => {
  const res = await disableTwoFactor(db, actor, input);
  revalidatePath(PAGE);
  return res;
});

export const revokeSessionAction = action(revokeUserSessionSchema, async (input, { db, actor }) => {
  const res = await revokeUserSession(db, actor, input);
  revalidatePath(PAGE);
  return res;
});

export const revokeOtherSessionsAction = action(z.object({}), async (_input, { db, actor }) => {
  const res = await revokeOtherUserSessions(db, actor);
  revalidatePath(PAGE);
  return res;
});
