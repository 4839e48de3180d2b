import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";

export const listApplicationsSchema = z.object({
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]).catch("PENDING").default("PENDING"),
});

/** PRT-1 (back office): partner-programme applications of one status, oldest pending first; at most 200. */
export async function listPartnerApplications(db: Db, actor: Actor, raw: z.input<typeof listApplicationsSchema>) {
  requireStaff(actor, "partners.review");
  const { status } = listApplicationsSchema.parse(raw);
  return db.partnerApplication.findMany({
    where: { status },
    orderBy: status === "PENDING" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ decidedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, companyName: true, country: true, applicantEmail: true, yearlyVolumeMinor: true, currency: true, status: true, createdAt: true, decidedAt: true },
  });
}

/** PRT-1 (back office): one application with its Organization, for the review page. */
export async function getPartnerApplication(db: Db, actor: Actor, id: string) {
  requireStaff(actor, "partners.review");
  const found = await db.partnerApplication.findUnique({
    where: { id },
    select: {
      id: true,
      companyName: true,
      country: true,
      tradeRegisterNumber: true,
      website: true,
      yearlyVolumeMinor: true,
      currency: true,
      applicantEmail: true,
      status: true,
      reason: true,
      createdAt: true,
      decidedAt: true,
      organization: { select: { id: true, name: true, country: true, entityType: true, affiliateSince: true, partner: { select: { id: true } } } },
    },
  });
  return found;
}
