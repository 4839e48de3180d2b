import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { releaseBlockedOrder } from "@/lib/orders/release-blocked-order";
import { isRecoveryCase, makeRecoveryLink, RECOVERY_LINK_HOURS, recoveryUrl } from "./recovery-link";
import { OPEN_STATUSES } from "./rules";
import { removeCaseFolder } from "./storage";

export const decideVerificationSchema = z.object({
  caseId: z.string().min(1).max(40),
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(1000, "validation.tooLong").optional().default(""),
  /** IDV-1: the account a forgotten-login case recovers, when the case names none (staff found it from the documents). */
  accountEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "validation.tooLong")
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.email("validation.email").optional()),
});

/**
 * IDV-2 / IDV-3: staff approve a submitted case or reject an open one. On approval of a lost-2FA case
 * every second factor and backup code of the user is removed, so the password alone signs in and 2FA
 * can be set up again. On approval of a forgotten-password or forgotten-login case (IDV-1), the verified
 * address receives a single-use recovery link for the account (recovery-link.ts). Whatever the decision, the photos are deleted at once: only the decision record
 * stays. The user is told the outcome by e-mail, in their language.
 */
export async function decideVerification(db: Db, actor: Actor, raw: unknown): Promise<{ twoFactorRemoved: boolean }> {
  // Only a staff role the staff table allows to decide (supervisor, administrator); the audit rows say STAFF.
  const staff = requireStaff(actor, "verifications.decide");
  const input = decideVerificationSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const found = await tx.identityVerification.findUnique({
      where: { id: input.caseId },
      select: { id: true, status: true, reason: true, userId: true, email: true, orderId: true, user: { select: { locale: true } } },
    });
    if (!found) throw new AppError("NOT_FOUND");
    // SEC-3: nobody decides their own case, whatever their staff role.
    if (found.userId === staff.userId) throw new AppError("FORBIDDEN", "backofficeVerifications.errors.ownCase");
    if (!OPEN_STATUSES.includes(found.status)) throw new AppError("CONFLICT", "backofficeVerifications.errors.alreadyDecided");
    if (input.decision === "approve" && found.status !== "SUBMITTED") throw new AppError("CONFLICT", "backofficeVerifications.errors.notSubmitted");
    const t = now();
    // Conditional on the status read above: of two staff deciding at once, one wins, the other gets a conflict.
    const decided = await tx.identityVerification.updateMany({
      where: { id: found.id, status: found.status },
      data: {
        status: input.decision === "approve" ? "APPROVED" : "REJECTED",
        decidedById: staff.userId,
        decidedAt: t,
        decisionNote: input.note || null,
        filesDeletedAt: t,
      },
    });
    if (decided.count !== 1) throw new AppError("CONFLICT", "backofficeVerifications.errors.alreadyDecided");
    const files = await tx.identityDocument.deleteMany({ where: { caseId: found.id } });

    let twoFactorRemoved = false;
    if (input.decision === "approve" && found.reason === "LOST_TWO_FACTOR" && found.userId) {
      const methods = await tx.twoFactorMethod.deleteMany({ where: { userId: found.userId } });
      const codes = await tx.backupCode.deleteMany({ where: { userId: found.userId } });
      await audit(tx, staff, {
        action: "auth.twoFactorReset",
        targetId: found.userId,
        metadata: { caseId: found.id, methodsRemoved: methods.count, backupCodesRemoved: codes.count },
      });
      twoFactorRemoved = true;
    }
    // IDV-1: nothing changes on the account by itself; the person gets a link to choose a new password.
    const recovery = input.decision === "approve" && isRecoveryCase(found.reason) ? await makeRecoveryLink(tx, found, input.accountEmail) : null;
    if (recovery) await audit(tx, staff, { action: "identityVerification.recoveryLinkSent", targetId: found.id, metadata: { userId: recovery.userId } });
    // IDV-4: an approved check of a blocked order lets the order proceed.
    if (input.decision === "approve") await releaseBlockedOrder(tx, staff, found, t);
    await audit(tx, staff, {
      action: input.decision === "approve" ? "identityVerification.approved" : "identityVerification.rejected",
      targetId: found.id,
      metadata: { reason: found.reason, filesDeleted: files.count },
    });
    return { found, twoFactorRemoved, recovery };
  });

  // After the commit: the files are no longer referenced; a failure here is caught by the purge job.
  await removeCaseFolder(result.found.id).catch((err) => console.error("identity files not deleted", err));
  const locale = result.found.user?.locale ?? "en";
  if (result.recovery && isRecoveryCase(result.found.reason)) {
    await sendEmail(db, { to: result.found.email, template: "identityRecovery", params: { link: recoveryUrl(result.recovery.secret), expiresInHours: RECOVERY_LINK_HOURS, reason: result.found.reason }, locale });
  } else if (input.decision === "approve") {
    await sendEmail(db, { to: result.found.email, template: "verificationApproved", params: { twoFactorRemoved: result.twoFactorRemoved, signInUrl: `${config.appUrl}/sign-in` }, locale });
  } else {
    await sendEmail(db, { to: result.found.email, template: "verificationRejected", params: { supportEmail: config.supportEmail }, locale });
  }
  return { twoFactorRemoved: result.twoFactorRemoved };
}
