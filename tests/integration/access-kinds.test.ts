import { describe, expect, test } from "vitest";
import type { StaffActor, UserActor } from "@/lib/access/actor";
import { ACTIONS, PARTNER_PERMISSIONS, partnerPermissions, STAFF_ACTIONS, STAFF_PERMISSIONS, SUPPORT_SCOPE_PERMISSIONS } from "@/lib/access/permissions";
import { requireAccess, requireMember, requireStaff } from "@/lib/access/require-access";
import { listProducts } from "@/lib/products/list-products";
import { createTag } from "@/lib/tags/create-tag";
import { clock, DAY, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { PartnerAccess, PartnerPayer, StaffRole } from "@/lib/generated/prisma/enums";
import { addMember, createOrganization, createPartner, createPartnership, createProducts, createStaffUser, createUser } from "../factories";

const asUser = (userId: string): UserActor => ({ kind: "user", userId, sessionId: "s", staffRole: null, ip: "192.0.2.1", userAgent: "test" });
const asStaff = (userId: string, staffRole: StaffRole = "SUPPORT"): StaffActor => ({ kind: "staff", userId, sessionId: "s", staffRole });
const outcome = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string }) => e.code ?? String(e));

/** A client Organization with three products, and a partner Organization with a legal representative and a plain user. */
async function clientAndPartner() {
  const db = getDb();
  const client = await createOrganization(db, { name: "Client SA" });
  const products = await createProducts(db, ["granted.ch", "other.ch", "third.ch"].map((name) => ({ orgId: client.id, name })));
  const partnerOrg = await createOrganization(db, { name: "Partner AG" });
  const partner = await createPartner(db, { orgId: partnerOrg.id });
  const assigned = await createUser(db);
  const assignedMembership = await addMember(db, partnerOrg.id, assigned.id, "USER");
  const unassigned = await createUser(db);
  await addMember(db, partnerOrg.id, unassigned.id, "USER");
  return { db, client, products, partnerOrg, partner, assigned, assignedMembership, unassigned };
}

describe("partners in a client Organization (PRT-3, PRT-7, PRT-9)", () => {
  for (const [access, payer] of [["LIMITED", "CLIENT"], ["FULL", "CLIENT"], ["FULL", "PARTNER"]] as [PartnerAccess, PartnerPayer][]) {
    test(`[PRT-3] [PRT-5] a ${access} partner's legal representative (${payer} pays) gets exactly the partner table's row, as a partner actor`, async () => {
      const { db, client, products, partner, partnerOrg } = await clientAndPartner();
      await createPartnership(db, access === "LIMITED" ? { partnerId: partner.id, clientOrgId: client.id, access, productIds: [products[0].id] } : { partnerId: partner.id, clientOrgId: client.id, access, payer });
      const rep = asUser(partnerOrg.legalRepresentativeId);
      const row = partnerPermissions(access, payer);
      for (const action of ACTIONS) {
        expect(`${action} ${await outcome(requireAccess(db, rep, client.id, action))}`).toBe(`${action} ${row.has(action) ? "allowed" : "FORBIDDEN"}`);
      }
      // PRT-5: the client's billing history only while the partner pays; FULL otherwise is its access level's row.
      expect(row.has("billing.read")).toBe(access === "FULL" && payer === "PARTNER");
      // It still orders renewals for the client, but pays none of them (PRT-5: the client is invoiced and pays).
      if (access === "FULL") expect([...PARTNER_PERMISSIONS.FULL].filter((a) => !row.has(a))).toEqual(payer === "CLIENT" ? ["billing.read", "billing.pay"] : []);
      expect(row.has("billing.order")).toBe(access === "FULL");
      const got = await requireAccess(db, rep, client.id, "org.read");
      expect(got).toMatchObject({ via: "partnership", partnerAccess: access, payer, partnerOrgId: partnerOrg.id, actor: { kind: "partner", clientOrgId: client.id } });
      // Member-only services refuse a partner even where the action would be shared.
      await expect(requireMember(db, rep, client.id, "org.read")).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  }

  test("[PRT-3] [PRD-3] a LIMITED partner lists only the granted products; FULL lists all", async () => {
    const { db, client, products, partner, partnerOrg } = await clientAndPartner();
    const p = await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "LIMITED", productIds: [products[0].id] });
    const rep = asUser(partnerOrg.legalRepresentativeId);
    expect((await listProducts(db, rep, { orgId: client.id })).items.map((i) => i.name)).toEqual(["granted.ch"]);
    await db.partnership.update({ where: { id: p.id }, data: { access: "FULL" } });
    expect((await listProducts(db, rep, { orgId: client.id })).items.map((i) => i.name)).toEqual(["granted.ch", "other.ch", "third.ch"]);
  });

  test("[PRT-9] a partner's plain user acts for a client only once assigned to it", async () => {
    const { db, client, partner, assigned, assignedMembership, unassigned } = await clientAndPartner();
    await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL", managerMembershipIds: [assignedMembership.id] });
    await expect(requireAccess(db, asUser(assigned.id), client.id, "products.read")).resolves.toMatchObject({ via: "partnership" });
    await expect(requireAccess(db, asUser(unassigned.id), client.id, "products.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[PRT-7] ending the partnership ends access at once; a pending or refused one never gave any", async () => {
    const { db, client, partner, partnerOrg } = await clientAndPartner();
    const rep = asUser(partnerOrg.legalRepresentativeId);
    const p = await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL", status: "PENDING" });
    await expect(requireAccess(db, rep, client.id, "org.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.partnership.update({ where: { id: p.id }, data: { status: "ACTIVE" } });
    await expect(requireAccess(db, rep, client.id, "org.read")).resolves.toBeTruthy();
    await db.partnership.update({ where: { id: p.id }, data: { status: "ENDED", endedAt: new Date() } });
    await expect(requireAccess(db, rep, client.id, "org.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listProducts(db, rep, { orgId: client.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[PRT-4] an external user whose Organization becomes the partner acts with the partnership's rights", async () => {
    const { db, client, partner, partnerOrg } = await clientAndPartner();
    await addMember(db, client.id, partnerOrg.legalRepresentativeId, "EXTERNAL");
    const rep = asUser(partnerOrg.legalRepresentativeId);
    await expect(requireAccess(db, rep, client.id, "products.readAll")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL" });
    await expect(requireAccess(db, rep, client.id, "products.readAll")).resolves.toMatchObject({ via: "partnership" });
  });

  test("[PRT-3] what a partner does is logged as the partner, through its partnership", async () => {
    const { db, client, partner, partnerOrg } = await clientAndPartner();
    const p = await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL" });
    await createTag(db, asUser(partnerOrg.legalRepresentativeId), { orgId: client.id, name: "managed-by-partner", color: "blue" });
    const row = await db.auditLog.findFirstOrThrow({ where: { orgId: client.id, action: "tag.created" } });
    expect(row).toMatchObject({ actorKind: "PARTNER", actorId: partnerOrg.legalRepresentativeId, via: `partnership:${p.id}`, targetType: "tag" });
  });
});

describe("support staff in an Organization (SUP-1 … SUP-3)", () => {
  async function requestWithGrant(scope: "MAIL" | "DRIVE" | "CHAT" | "SINGLE_MAIL", resourceRef?: string) {
    const db = getDb();
    const org = await createOrganization(db);
    const agent = await createStaffUser(db, { staffRole: "SUPPORT" });
    const other = await createStaffUser(db, { staffRole: "SUPPORT" });
    const request = await db.supportRequest.create({ data: { orgId: org.id, requesterId: org.legalRepresentativeId, handlerId: agent.id, subject: "Mail", body: "Help", status: "IN_PROGRESS" } });
    const grant = await db.supportGrant.create({
      data: { orgId: org.id, userId: org.legalRepresentativeId, scope, resourceRef, requestId: request.id, expiresAt: new Date(now().getTime() + 7 * DAY) },
    });
    return { db, org, agent, other, request, grant };
  }

  test("[SUP-3] only the staff handling the request read the granted content, and only that scope", async () => {
    const { db, org, agent, other } = await requestWithGrant("MAIL");
    for (const action of ACTIONS) {
      expect(`${action} ${await outcome(requireAccess(db, asStaff(agent.id), org.id, action))}`).toBe(`${action} ${SUPPORT_SCOPE_PERMISSIONS.MAIL.has(action) ? "allowed" : "FORBIDDEN"}`);
    }
    await expect(requireAccess(db, asStaff(other.id), org.id, "content.mail.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A staff member's plain session is not support access: only the back office turns it into a staff actor.
    await expect(requireAccess(db, { ...asUser(agent.id), staffRole: "SUPPORT" }, org.id, "org.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[SUP-2] a grant ends by itself after 7 days and when revoked, checked on every read", async () => {
    const { db, org, agent, grant } = await requestWithGrant("DRIVE");
    await expect(requireAccess(db, asStaff(agent.id), org.id, "content.drive.read")).resolves.toMatchObject({ via: "support", scopes: ["DRIVE"] });
    clock.set(new Date(now().getTime() + 7 * DAY + 1000));
    try {
      await expect(requireAccess(db, asStaff(agent.id), org.id, "content.drive.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      clock.reset();
    }
    await expect(requireAccess(db, asStaff(agent.id), org.id, "content.drive.read")).resolves.toBeTruthy();
    await db.supportGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    await expect(requireAccess(db, asStaff(agent.id), org.id, "content.drive.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[SUP-3] a closed request ends what its grant showed; a single shared e-mail is named alone", async () => {
    const { db, org, agent, request } = await requestWithGrant("SINGLE_MAIL", "message-42");
    await expect(requireAccess(db, asStaff(agent.id), org.id, "content.mail.read")).resolves.toMatchObject({ sharedMessageIds: ["message-42"] });
    await db.supportRequest.update({ where: { id: request.id }, data: { status: "CLOSED" } });
    await expect(requireAccess(db, asStaff(agent.id), org.id, "content.mail.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("staff in the back office (SUP-4)", () => {
  test("[SUP-4] each staff role gets exactly its row of the staff table; customers get NOT_FOUND", async () => {
    const db = getDb();
    for (const role of Object.keys(STAFF_PERMISSIONS) as StaffRole[]) {
      const staff = await createStaffUser(db, { staffRole: role });
      for (const action of STAFF_ACTIONS) {
        const got = await outcome(Promise.resolve().then(() => requireStaff({ kind: "user", userId: staff.id, sessionId: "s", staffRole: role, secondFactor: true }, action)));
        expect(`${role} ${action} ${got}`).toBe(`${role} ${action} ${STAFF_PERMISSIONS[role].has(action) ? "allowed" : "FORBIDDEN"}`);
      }
    }
    const customer = await createUser(db);
    expect(() => requireStaff(asUser(customer.id))).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(requireStaff({ kind: "user", userId: "u", sessionId: "s", staffRole: "SUPERVISOR", secondFactor: true })).toMatchObject({ kind: "staff", staffRole: "SUPERVISOR" });
  });

  test("[SUP-4] link holders, visitors and jobs never reach an Organization's data", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    for (const actor of [
      { kind: "link", link: "invitation", subjectId: "i", userId: org.legalRepresentativeId },
      { kind: "anonymous", userId: org.legalRepresentativeId },
      { kind: "system", job: "test" },
    ] as const) {
      await expect(requireAccess(db, actor, org.id, "org.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
