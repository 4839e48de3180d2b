import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { staffCan } from "@/lib/access/permissions";
import { requireStaff } from "@/lib/access/require-access";
import { AppError } from "@/lib/errors";
import { maskPhoneNumber } from "@/lib/sms/phone-number";
import { caseExpiresAt } from "./rules";

export const caseIdSchema = z.string().min(1).max(40);

/** IDV-2 (back office): one case with its photos' descriptions (never their bytes). Staff only. */
export async function getVerification(db: Db, actor: Actor, caseId: string) {
  const staff = requireStaff(actor, "verifications.read");
  const id = caseIdSchema.safeParse(caseId);
  if (!id.success) throw new AppError("NOT_FOUND");
  const found = await db.identityVerification.findUnique({
    where: { id: id.data },
    select: {
      id: true,
      userId: true,
      email: true,
      reason: true,
      status: true,
      phone: true,
      documentType: true,
      createdAt: true,
      submittedAt: true,
      decidedAt: true,
      decisionNote: true,
      filesDeletedAt: true,
      user: { select: { firstName: true, lastName: true, email: true } },
      decidedBy: { select: { email: true } },
      documents: { select: { id: true, kind: true, mimeType: true, sizeBytes: true }, orderBy: { kind: "asc" } },
    },
  });
  if (!found) throw new AppError("NOT_FOUND");
  const { phone, userId, ...rest } = found;
  // SEC-3: the decision form only for a staff role that decides, and never on one's own case.
  const mayDecide = staffCan(staff.staffRole, "verifications.decide") && userId !== staff.userId;
  return { ...rest, mayDecide, phoneMasked: phone ? maskPhoneNumber(phone) : null, expiresAt: caseExpiresAt(found.createdAt) };
}
