import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { applyToProgramme, type ApplyToProgrammeInput } from "@/lib/partners/apply-to-programme";
import { decidePartnerApplication } from "@/lib/partners/decide-application";
import { listPartnerApplications } from "@/lib/partners/list-applications";
import { searchDirectory } from "@/lib/partners/search-directory";
import { getPartnerProfile, updatePartnerProfile } from "@/lib/partners/update-profile";
import { addMember, createOrganization, createPartner, createPartnerApplication, createStaffUser, createUser, unique } from "../factories";
import { asUser } from "./support/api";

const staffActor = (userId: string, staffRole: StaffRole): Actor => ({ kind: "user", userId, sessionId: "s", staffRole, secondFactor: true });

function form(orgId: string, overrides: Partial<Record<keyof ApplyToProgrammeInput, unknown>> = {}): ApplyToProgrammeInput {
  return {
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
    ...overrides,
  } as ApplyToProgrammeInput;
}

/** The error a call fails with: its code, message key and field message keys. */
async function failure(work: Promise<unknown>) {
  try {
    await work;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message, fields: err.fieldErrors ?? {} };
    const issues = (err as { issues?: { path: (string | number)[]; message: string }[] }).issues;
    if (issues) return { code: "INVALID_INPUT", message: "zod", fields: Object.fromEntries(issues.map((i) => [i.path.join("."), [i.message]])) };
    throw err;
  }
  throw new Error("expected a failure");
}

describe("partner programme (PRT-1)", () => {
  test("[PRT-1] a company's legal representative applies: the trade-register number is checked per country and stored the register's way", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id, country: "CH" });

    // A Swiss UID whose check digit is wrong, a SIREN failing Luhn, a German number without its register.
    expect((await failure(applyToProgramme(db, asUser(owner.id), form(org.id, { tradeRegisterNumber: "CHE-116.281.711" })))).fields).toEqual({ tradeRegisterNumber: ["partnerProgramme.errors.registerCH"] });
    expect((await failure(applyToProgramme(db, asUser(owner.id), form(org.id, { country: "FR", tradeRegisterNumber: "732 829 321" })))).fields).toEqual({ tradeRegisterNumber: ["partnerProgramme.errors.registerFR"] });
    expect((await failure(applyToProgramme(db, asUser(owner.id), form(org.id, { country: "DE", tradeRegisterNumber: "12345" })))).fields).toEqual({ tradeRegisterNumber: ["partnerProgramme.errors.registerDE"] });
    expect((await failure(applyToProgramme(db, asUser(owner.id), form(org.id, { country: "IT", tradeRegisterNumber: "07643520568" })))).fields).toEqual({ tradeRegisterNumber: ["partnerProgramme.errors.registerIT"] });
    // Each commitment must be ticked; the website must be an address.
    const unticked = await failure(applyToProgramme(db, asUser(owner.id), form(org.id, { invoicesClients: undefined, website: "not a site" })));
    expect(unticked.fields).toEqual({ invoicesClients: ["partnerProgramme.errors.commitmentRequired"], website: ["validation.invalid"] });
    // CHF 1999 is under the minimum of a CHF Organization.
    expect((await failure(applyToProgramme(db, asUser(owner.id), form(org.id, { yearlyVolume: "1999" })))).fields).toEqual({ yearlyVolume: ["partnerProgramme.errors.volumeCHF"] });
    expect(await db.partnerApplication.count({ where: { orgId: org.id } })).toBe(0);

    await applyToProgramme(db, asUser(owner.id), form(org.id, { tradeRegisterNumber: "che 116 281 710", yearlyVolume: "2'000" }));
    const stored = await db.partnerApplication.findFirstOrThrow({ where: { orgId: org.id } });
    expect(stored).toMatchObject({ status: "PENDING", tradeRegisterNumber: "CHE-116.281.710", website: "https://alpine-partners.example", yearlyVolumeMinor: 200_000, currency: "CHF", applicantEmail: owner.email });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "partnerApplication.submitted", targetId: stored.id } })).toBe(1);
    // One application under review at a time.
    expect(await failure(applyToProgramme(db, asUser(owner.id), form(org.id)))).toMatchObject({ code: "CONFLICT", message: "partnerProgramme.errors.pending" });
  });

  test("[PRT-1] the minimum follows the Organization's currency: EUR 1800; other registers' numbers are accepted in their format", async () => {
    const db = getDb();
    const org = await createOrganization(db, { country: "FR" });
    const me = asUser(org.legalRepresentativeId);
    expect((await failure(applyToProgramme(db, me, form(org.id, { country: "FR", tradeRegisterNumber: "732 829 320", yearlyVolume: "1799" })))).fields).toEqual({ yearlyVolume: ["partnerProgramme.errors.volumeEUR"] });
    await applyToProgramme(db, me, form(org.id, { country: "FR", tradeRegisterNumber: "732 829 320", yearlyVolume: "1800" }));
    expect(await db.partnerApplication.findFirstOrThrow({ where: { orgId: org.id } })).toMatchObject({ tradeRegisterNumber: "732829320", yearlyVolumeMinor: 180_000, currency: "EUR" });

    const de = await createOrganization(db, { country: "DE" });
    await applyToProgramme(db, asUser(de.legalRepresentativeId), form(de.id, { country: "DE", tradeRegisterNumber: "hrb 12345 b" }));
    expect((await db.partnerApplication.findFirstOrThrow({ where: { orgId: de.id } })).tradeRegisterNumber).toBe("HRB 12345 B");
    const it = await createOrganization(db, { country: "IT" });
    await applyToProgramme(db, asUser(it.legalRepresentativeId), form(it.id, { country: "IT", tradeRegisterNumber: "IT 07643520567" }));
    expect((await db.partnerApplication.findFirstOrThrow({ where: { orgId: it.id } })).tradeRegisterNumber).toBe("07643520567");
  });

  test("[PRT-1] refused with a clear reason: an individual, an affiliate, a partner already; only a legal representative applies; outsiders see nothing", async () => {
    const db = getDb();
    const individual = await createOrganization(db, { entityType: "INDIVIDUAL" });
    expect(await failure(applyToProgramme(db, asUser(individual.legalRepresentativeId), form(individual.id)))).toMatchObject({ code: "CONFLICT", message: "partnerProgramme.errors.companyOnly" });
    const affiliate = await createOrganization(db, { affiliateSince: new Date("2026-01-01T00:00:00Z") });
    expect(await failure(applyToProgramme(db, asUser(affiliate.legalRepresentativeId), form(affiliate.id)))).toMatchObject({ code: "CONFLICT", message: "partnerProgramme.errors.affiliate" });
    const partner = await createOrganization(db);
    await createPartner(db, { orgId: partner.id });
    expect(await failure(applyToProgramme(db, asUser(partner.legalRepresentativeId), form(partner.id)))).toMatchObject({ code: "CONFLICT", message: "partnerProgramme.errors.alreadyPartner" });

    const org = await createOrganization(db);
    const admin = await createUser(db);
    await addMember(db, org.id, admin.id, "ADMINISTRATOR");
    expect((await failure(applyToProgramme(db, asUser(admin.id), form(org.id)))).code).toBe("FORBIDDEN");
    expect((await failure(applyToProgramme(db, asUser((await createUser(db)).id), form(org.id)))).code).toBe("NOT_FOUND");
    expect(await db.partnerApplication.count({ where: { orgId: { in: [individual.id, affiliate.id, partner.id, org.id] } } })).toBe(0);
  });

  test("[PRT-1] staff approve: the Organization becomes a partner, the decision is audited and the applicant e-mailed in their language", async () => {
    const db = getDb();
    const applicant = await createUser(db, { locale: "fr" });
    const org = await createOrganization(db, { legalRepresentativeId: applicant.id });
    await applyToProgramme(db, asUser(applicant.id), form(org.id, { companyName: "Léman Web SA" }));
    const application = await db.partnerApplication.findFirstOrThrow({ where: { orgId: org.id } });
    const supervisor = await createStaffUser(db, { staffRole: "SUPERVISOR" });
    const agent = await createStaffUser(db, { staffRole: "SUPPORT" });

    expect(await listPartnerApplications(db, staffActor(supervisor.id, "SUPERVISOR"), { status: "PENDING" })).toEqual(expect.arrayContaining([expect.objectContaining({ id: application.id })]));
    // Support agents may not review partners (staff table); customers do not see the back office.
    expect((await failure(decidePartnerApplication(db, staffActor(agent.id, "SUPPORT"), { applicationId: application.id, decision: "approve" }))).code).toBe("FORBIDDEN");
    expect((await failure(decidePartnerApplication(db, asUser(applicant.id), { applicationId: application.id, decision: "approve" }))).code).toBe("NOT_FOUND");

    const { partnerId } = await decidePartnerApplication(db, staffActor(supervisor.id, "SUPERVISOR"), { applicationId: application.id, decision: "approve" });
    const partner = await db.partner.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(partner).toMatchObject({ id: partnerId, displayName: "Léman Web SA", tradeRegisterNumber: "CHE-116.281.710", website: "https://alpine-partners.example", contactEmail: applicant.email });
    expect(partner.approvedAt).not.toBeNull();
    expect(await db.partnerApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "APPROVED", decidedById: supervisor.id });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "partnerApplication.approved", targetId: application.id } })).toMatchObject({ actorKind: "STAFF", actorId: supervisor.id, orgId: org.id });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: applicant.email, template: "partnerApproved" } });
    expect(mail.locale).toBe("fr");
    expect(mail.subject).toContain("programme partenaire");
    expect(mail.textBody).toContain("Léman Web SA");
    // Decided once: a second decision is a conflict and changes nothing.
    expect(await failure(decidePartnerApplication(db, staffActor(supervisor.id, "SUPERVISOR"), { applicationId: application.id, decision: "reject", reason: "late" }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.partner.count({ where: { orgId: org.id } })).toBe(1);
  });

  test("[PRT-1] staff reject with a reason the applicant receives; without a reason nothing changes; an affiliate is never approved", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const applicant = await db.user.findUniqueOrThrow({ where: { id: org.legalRepresentativeId } });
    const application = await createPartnerApplication(db, { orgId: org.id, applicantId: applicant.id, applicantEmail: applicant.email });
    const admin = staffActor((await createStaffUser(db, { staffRole: "ADMIN" })).id, "ADMIN");

    expect((await failure(decidePartnerApplication(db, admin, { applicationId: application.id, decision: "reject", reason: "  " }))).fields).toEqual({ reason: ["backofficePartners.errors.reasonRequired"] });
    expect((await db.partnerApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("PENDING");
    await decidePartnerApplication(db, admin, { applicationId: application.id, decision: "reject", reason: "No active website at this address" });
    expect(await db.partnerApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "REJECTED", reason: "No active website at this address" });
    expect(await db.partner.count({ where: { orgId: org.id } })).toBe(0);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: applicant.email, template: "partnerRejected" } });
    expect(mail.locale).toBe("en");
    expect(mail.textBody).toContain("No active website at this address");

    // The Organization joined the affiliate programme after applying: approval is refused.
    const affiliate = await createOrganization(db);
    const pending = await createPartnerApplication(db, { orgId: affiliate.id });
    await db.organization.update({ where: { id: affiliate.id }, data: { affiliateSince: new Date() } });
    expect(await failure(decidePartnerApplication(db, admin, { applicationId: pending.id, decision: "approve" }))).toMatchObject({ code: "CONFLICT", message: "partnerProgramme.errors.affiliate" });
    expect(await db.partner.count({ where: { orgId: affiliate.id } })).toBe(0);
    expect((await db.partnerApplication.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
  });

  test("[PRT-1] two submissions at once leave one pending application; two staff deciding at once make one partner", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const me = asUser(org.legalRepresentativeId);
    const submitted = await Promise.allSettled([applyToProgramme(db, me, form(org.id)), applyToProgramme(db, me, form(org.id))]);
    expect(submitted.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.partnerApplication.count({ where: { orgId: org.id, status: "PENDING" } })).toBe(1);

    const application = await db.partnerApplication.findFirstOrThrow({ where: { orgId: org.id } });
    const [a, b] = [await createStaffUser(db, { staffRole: "SUPERVISOR" }), await createStaffUser(db, { staffRole: "ADMIN" })];
    const decided = await Promise.allSettled([
      decidePartnerApplication(db, staffActor(a.id, "SUPERVISOR"), { applicationId: application.id, decision: "approve" }),
      decidePartnerApplication(db, staffActor(b.id, "ADMIN"), { applicationId: application.id, decision: "approve" }),
    ]);
    expect(decided.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.partner.count({ where: { orgId: org.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { template: "partnerApproved", toAddress: application.applicantEmail } })).toBe(1);
  });

  test("[PRT-1] the public directory lists opted-in approved partners, searched by name, region and speciality", async () => {
    const db = getDb();
    const key = unique("dir");
    const listed = await createPartner(db, { orgId: (await createOrganization(db)).id, displayName: `Romandie Web ${key}`, region: "CH_ROMANDIE", specialities: ["wordpress", "ecommerce"] });
    const other = await createPartner(db, { orgId: (await createOrganization(db)).id, displayName: `Ticino Cloud ${key}`, region: "CH_TICINO", specialities: ["cloud"] });
    const hidden = await createPartner(db, { orgId: (await createOrganization(db)).id, displayName: `Hidden ${key}`, region: "CH_ROMANDIE", specialities: ["wordpress"], inDirectory: false });
    const unapproved = await createPartner(db, { orgId: (await createOrganization(db)).id, displayName: `Pending ${key}`, region: "CH_ROMANDIE", approvedAt: null });

    const ids = async (input: Parameters<typeof searchDirectory>[1]) => (await searchDirectory(db, input)).partners.map((p) => p.id);
    const byName = await ids({ q: key.toUpperCase() });
    expect(byName.sort()).toEqual([listed.id, other.id].sort());
    expect(byName).not.toContain(hidden.id);
    expect(byName).not.toContain(unapproved.id);
    expect(await ids({ q: key, region: "CH_ROMANDIE" })).toEqual([listed.id]);
    expect(await ids({ q: key, speciality: "cloud" })).toEqual([other.id]);
    expect(await ids({ q: key, region: "CH_TICINO", speciality: "wordpress" })).toEqual([]);
    // Unknown filter values mean "all", never an error; nothing private is returned.
    const result = await searchDirectory(db, { q: `Romandie Web ${key}`, region: "MARS" as never });
    expect(result.partners).toEqual([{ id: listed.id, displayName: listed.displayName, website: listed.website, region: "CH_ROMANDIE", specialities: ["wordpress", "ecommerce"], approvedAt: listed.approvedAt }]);
  });

  test("[PRT-1] the partner's legal representative edits its directory profile and opt-ins; other members only read it; outsiders get NOT_FOUND", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const partner = await createPartner(db, { orgId: org.id });
    const admin = await createUser(db);
    await addMember(db, org.id, admin.id, "ADMINISTRATOR");
    await updatePartnerProfile(db, asUser(org.legalRepresentativeId), {
      partnerId: partner.id,
      displayName: "Helvetia Sites",
      website: "helvetia-sites.example",
      region: "CH_GERMAN",
      specialities: ["design", "design", "marketing"],
      inDirectory: undefined,
      tendersOptIn: "on",
    });
    expect(await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ displayName: "Helvetia Sites", website: "https://helvetia-sites.example", region: "CH_GERMAN", specialities: ["design", "marketing"], inDirectory: false, tendersOptIn: true });
    expect((await searchDirectory(db, { q: "Helvetia Sites" })).partners).toEqual([]);
    expect((await getPartnerProfile(db, asUser(admin.id), partner.id)).mayEdit).toBe(false);
    expect((await failure(updatePartnerProfile(db, asUser(admin.id), { partnerId: partner.id, displayName: "X", website: "x.example", region: "", inDirectory: "on", tendersOptIn: "on" }))).code).toBe("FORBIDDEN");
    expect((await failure(updatePartnerProfile(db, asUser(org.legalRepresentativeId), { partnerId: partner.id, displayName: "X", website: "x.example", region: "MARS" as never, inDirectory: "on" }))).fields).toHaveProperty("region");
    expect((await failure(getPartnerProfile(db, asUser((await createUser(db)).id), partner.id))).code).toBe("NOT_FOUND");
  });
});
