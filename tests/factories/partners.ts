import type { Partner, Partnership, Prisma } from "@/lib/generated/prisma/client";
import type { PartnerPayer, PartnershipStatus } from "@/lib/generated/prisma/enums";
import { now } from "../../lib/clock";
import { unique, type DbOrTx } from "./unique";

export type PartnerInput = Partial<Omit<Prisma.PartnerCreateManyInput, "orgId">> & { orgId: string };

/** An approved partner profile on an existing Organization (PRT-1). */
export function createPartner(db: DbOrTx, input: PartnerInput): Promise<Partner> {
  const key = unique("partner");
  return db.partner.create({
    data: {
      displayName: `Partner ${key}`,
      contactEmail: `${key}@example.test`,
      website: `https://${key}.example`,
      tradeRegisterNumber: `CHE-${key}`,
      approvedAt: now(),
      ...input,
    },
  });
}

export type PartnershipInput = {
  partnerId: string;
  clientOrgId: string;
  status?: PartnershipStatus;
  /** The partner's own members who manage this client (PRT-9). */
  managerMembershipIds?: string[];
} & ({ access: "LIMITED"; productIds: string[] } | { access: "FULL"; payer?: PartnerPayer });

/** An accepted partnership by default: limited to some products, or full with a chosen payer (PRT-3, PRT-5). */
export function createPartnership(db: DbOrTx, input: PartnershipInput): Promise<Partnership> {
  const { partnerId, clientOrgId, status = "ACTIVE", managerMembershipIds = [] } = input;
  const productIds = input.access === "LIMITED" ? input.productIds : [];
  return db.partnership.create({
    data: {
      partnerId,
      clientOrgId,
      access: input.access,
      payer: input.access === "FULL" ? (input.payer ?? "CLIENT") : "CLIENT",
      status,
      acceptedAt: status === "ACTIVE" ? now() : null,
      products: { create: productIds.map((productId) => ({ productId })) },
      managers: { create: managerMembershipIds.map((membershipId) => ({ membershipId })) },
    },
  });
}

export type PartnerApplicationInput = Partial<Omit<Prisma.PartnerApplicationCreateManyInput, "orgId">> & { orgId: string };

/** A pending partner-programme application of an Organization (PRT-1), with a valid Swiss UID. */
export function createPartnerApplication(db: DbOrTx, input: PartnerApplicationInput) {
  const key = unique("applicant");
  return db.partnerApplication.create({
    data: {
      applicantEmail: `${key}@example.test`,
      companyName: `Applicant ${key}`,
      country: "CH",
      tradeRegisterNumber: "CHE-116.281.710",
      website: `https://${key}.example`,
      yearlyVolumeMinor: 500_000,
      currency: "CHF",
      ...input,
    },
  });
}

/** The Organization's partner profile, made once (several tests of one world may ask for it). */
export async function partnerOf(db: DbOrTx, orgId: string): Promise<Partner> {
  return (await db.partner.findUnique({ where: { orgId } })) ?? createPartner(db, { orgId });
}
