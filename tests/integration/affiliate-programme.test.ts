import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyToProgramme, type ApplyToProgrammeInput } from "@/lib/partners/apply-to-programme";
import { programmeStatus } from "@/lib/partners/programme-status";
import { setAffiliate } from "@/lib/partners/set-affiliate";
import { addMember, createOrganization, createPartner, createPartnerApplication, createUser } from "../factories";
import { asUser } from "./support/api";

const application = (orgId: string): ApplyToProgrammeInput => ({
  orgId,
  companyName: "Alpine Partners SA",
  country: "CH",
  tradeRegisterNumber: "CHE-116.281.710",
  website: "alpine-partners.example",
  yearlyVolume: "2000",
  supportsClients: "on",
  invoicesClients: "on",
  tendersExclusive: "on",
  resellerTerms: "on",
});

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? `${e.code} ${e.message}` : String(e)));

describe("the affiliate programme, exclusive with the partner programme (PRT-1)", () => {
  test("[PRT-1] a legal representative joins and leaves the affiliate programme, each logged once; joining or leaving twice changes nothing", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const owner = asUser(org.legalRepresentativeId);
    const joined = await setAffiliate(db, owner, { orgId: org.id, affiliate: "join" });
    expect(joined.affiliateSince).toBeInstanceOf(Date);
    expect(await setAffiliate(db, owner, { orgId: org.id, affiliate: "join" })).toEqual(joined);
    expect(await programmeStatus(db, owner, org.id)).toMatchObject({ isAffiliate: true, affiliateSince: joined.affiliateSince });
    // PRT-1: an affiliate cannot apply to the partner programme.
    expect(await code(applyToProgramme(db, owner, application(org.id)))).toBe("CONFLICT partnerProgramme.errors.affiliate");
    await setAffiliate(db, owner, { orgId: org.id, affiliate: "leave" });
    await setAffiliate(db, owner, { orgId: org.id, affiliate: "leave" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).affiliateSince).toBeNull();
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "affiliate.joined" } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "affiliate.left" } })).toBe(1);
    // Out of the affiliate programme, it may apply.
    expect(await code(applyToProgramme(db, owner, application(org.id)))).toBe("ok");
  });

  test("[PRT-1] a partner, or an Organization whose application is under review, cannot join; nothing is written", async () => {
    const db = getDb();
    const partnerOrg = await createOrganization(db);
    await createPartner(db, { orgId: partnerOrg.id });
    expect(await code(setAffiliate(db, asUser(partnerOrg.legalRepresentativeId), { orgId: partnerOrg.id, affiliate: "join" }))).toBe("CONFLICT partnerProgramme.errors.partnerNotAffiliate");
    const applicant = await createOrganization(db);
    await createPartnerApplication(db, { orgId: applicant.id });
    expect(await code(setAffiliate(db, asUser(applicant.legalRepresentativeId), { orgId: applicant.id, affiliate: "join" }))).toBe("CONFLICT partnerProgramme.errors.applicationNotAffiliate");
    expect(await programmeStatus(db, asUser(applicant.legalRepresentativeId), applicant.id)).toMatchObject({ isAffiliate: false, mayJoinAffiliate: false });
    const rows = await db.organization.findMany({ where: { id: { in: [partnerOrg.id, applicant.id] } }, select: { affiliateSince: true } });
    expect(rows.every((r) => r.affiliateSince === null)).toBe(true);
  });

  test("[PRT-1] an application and a joining at once: exactly one of them succeeds", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const owner = asUser(org.legalRepresentativeId);
    const [applied, joined] = await Promise.all([code(applyToProgramme(db, owner, application(org.id))), code(setAffiliate(db, owner, { orgId: org.id, affiliate: "join" }))]);
    expect([applied, joined].filter((c) => c === "ok")).toHaveLength(1);
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { affiliateSince: true, partnerApplications: { where: { status: "PENDING" }, select: { id: true } } } });
    expect(Number(after.affiliateSince !== null) + after.partnerApplications.length).toBe(1);
  });

  test("[PRT-1] only a legal representative joins; an administrator is refused, an outsider does not find the Organization", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const admin = await createUser(db);
    await addMember(db, org.id, admin.id, "ADMINISTRATOR");
    expect(await code(setAffiliate(db, asUser(admin.id), { orgId: org.id, affiliate: "join" }))).toBe("FORBIDDEN errors.FORBIDDEN");
    const outsider = await createOrganization(db);
    expect(await code(setAffiliate(db, asUser(outsider.legalRepresentativeId), { orgId: org.id, affiliate: "join" }))).toBe("NOT_FOUND errors.NOT_FOUND");
    await expect(setAffiliate(db, asUser(org.legalRepresentativeId), { orgId: org.id, affiliate: "maybe" as "join" })).rejects.toThrow();
  });
});
