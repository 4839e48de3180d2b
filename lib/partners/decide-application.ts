import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { lockOrganization } from "@/lib/orgs/organization-fields";

export const decideApplicationSchema = z
  .object({
    applicationId: z.string().min(1).max(40),
    decision: z.enum(["approve", "reject"]),
    reason: z.string().trim().max(1000, "validation.tooLong").optional().default(""),
  })
  .refine((v) => v.decision === "approve" || v.reason.length > 0, { path: ["reason"], message: "backofficePartners.errors.reasonRequired" });

/**
 * PRT-1 (back office): staff whose role may review partners approve or reject a pending application; a
 * rejection says why. Approval makes the Organization a partner (its profile from the application, listed
 * in the directory and open to calls for tenders until it says otherwise) — refused if it became an
 * affiliate or a partner meanwhile. The applicant is e-mailed the decision in their language, after the
 * commit; of two staff deciding at once, one wins and the other gets a conflict.
 */
export async function decidePartnerApplication(db: Db, actor: Actor, raw: z.input<typeof decideApplicationSchema>) {
  const staff = requireStaff(actor, "partners.review");
  const input = decideApplicationSchema.parse(raw);
  const decided = await db.$transaction(async (tx) => {
    const found = await tx.partnerApplication.findUnique({
      where: { id: input.applicationId },
      select: { id: true, orgId: true, status: true, companyName: true, applicantId: true, applicantEmail: true, website: true, tradeRegisterNumber: true },
    });
    if (!found) throw new AppError("NOT_FOUND");
    if (found.status !== "PENDING") throw new AppError("CONFLICT", "backofficePartners.errors.alreadyDecided");
    await lockOrganization(tx, found.orgId);
    const approve = input.decision === "approve";
    if (approve) {
      const org = await tx.organization.findUniqueOrThrow({ where: { id: found.orgId }, select: { affiliateSince: true, partner: { select: { id: true } } } });
      if (org.affiliateSince) throw new AppError("CONFLICT", "partnerProgramme.errors.affiliate");
      if (org.partner) throw new AppError("CONFLICT", "partnerProgramme.errors.alreadyPartner");
    }
    const at = now();
    const updated = await tx.partnerApplication.updateMany({
      where: { id: found.id, status: "PENDING" },
      data: { status: approve ? "APPROVED" : "REJECTED", reason: input.reason || null, decidedById: staff.userId, decidedAt: at },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "backofficePartners.errors.alreadyDecided");
    let partnerId: string | null = null;
    if (approve) {
      const partner = await tx.partner.create({
        data: {
          orgId: found.orgId,
          displayName: found.companyName,
          contactEmail: found.applicantEmail,
          website: found.website,
          tradeRegisterNumber: found.tradeRegisterNumber,
          approvedAt: at,
        },
        select: { id: true },
      });
      partnerId = partner.id;
    }
    await audit(tx, staff, {
      action: approve ? "partnerApplication.approved" : "partnerApplication.rejected",
      orgId: found.orgId,
      targetId: found.id,
      metadata: { partnerId, reason: input.reason || null },
    });
    const applicant = found.applicantId ? await tx.user.findUnique({ where: { id: found.applicantId }, select: { locale: true } }) : null;
    return { found, partnerId, locale: applicant?.locale ?? "en" };
  });

  const { found, locale } = decided;
  if (input.decision === "approve") {
    await sendEmail(db, { to: found.applicantEmail, template: "partnerApproved", params: { companyName: found.companyName, resellerUrl: `${config.appUrl}/reseller` }, locale });
  } else {
    await sendEmail(db, { to: found.applicantEmail, template: "partnerRejected", params: { companyName: found.companyName, reason: input.reason, supportEmail: config.supportEmail }, locale });
  }
  return { partnerId: decided.partnerId };
}
