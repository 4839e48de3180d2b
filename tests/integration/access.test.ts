import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { ACTIONS, can, type Action } from "@/lib/access/permissions";
import { requireAccess } from "@/lib/access/require-access";
import { scopesAllow } from "@/lib/api-tokens/scopes";
import { backofficeOverview } from "@/lib/backoffice/overview";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { dashboardSummary } from "@/lib/orgs/dashboard-summary";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";
import { addMember, createOrganization, createProduct, createStaffUser, createTeam, createUser, grantProductAccess } from "../factories";

type UserActor = Extract<Actor, { kind: "user" }>;
const asUser = (userId: string, memberships?: UserActor["memberships"]): UserActor => ({ kind: "user", userId, sessionId: "s", staffRole: null, memberships });

async function orgWithEveryRole() {
  const db = getDb();
  const org = await createOrganization(db);
  const members = {} as Record<Role, string>;
  members.LEGAL_REPRESENTATIVE = org.legalRepresentativeId;
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
    const u = await createUser(db);
    await addMember(db, org.id, u.id, role);
    members[role] = u.id;
  }
  return { org, members };
}

describe("authorization core", () => {
  test("[ORG-1] each role gets exactly what the permission table says, for every action", async () => {
    const db = getDb();
    const { org, members } = await orgWithEveryRole();
    for (const role of Object.keys(members) as Role[]) {
      for (const action of ACTIONS) {
        const result = await requireAccess(db, asUser(members[role]), org.id, action).then(
          () => "allowed",
          (e) => e.code,
        );
        expect(`${role} ${action} ${result}`).toBe(`${role} ${action} ${can(role, action) ? "allowed" : "FORBIDDEN"}`);
      }
    }
  });

  test("[ORG-1] only a legal representative may change the Organization's details; a user may only read them", () => {
    expect(can("LEGAL_REPRESENTATIVE", "org.update")).toBe(true);
    expect(can("ADMINISTRATOR", "org.update")).toBe(false);
    expect(can("USER", "org.update")).toBe(false);
    expect(can("USER", "org.read")).toBe(true);
    expect(can("USER", "billing.read")).toBe(false);
  });

  test("[ACC-6] an outsider gets NOT_FOUND for every action on another Organization, never FORBIDDEN", async () => {
    const db = getDb();
    const { org } = await orgWithEveryRole();
    const outsider = await createOrganization(db);
    for (const action of ACTIONS) {
      await expect(requireAccess(db, asUser(outsider.legalRepresentativeId), org.id, action)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(requireAccess(db, asUser(outsider.legalRepresentativeId), "does-not-exist", "org.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[ACC-6] memberships read with the switcher decide access as the database does, and nothing outside them", async () => {
    const db = getDb();
    const { org, members } = await orgWithEveryRole();
    const other = await createOrganization(db);
    const orgs = await listMyOrganizations(db, asUser(members.USER));
    expect(orgs.map((o) => o.id)).toEqual([org.id]);
    const withMemberships = asUser(members.USER, new Map(orgs.map((o) => [o.id, { id: o.membershipId, role: o.role }])));
    for (const action of ACTIONS) {
      const fromList = await requireAccess(db, withMemberships, org.id, action).then(({ actor, ...a }) => ({ ...a, kind: actor.kind }), (e) => e.code);
      const fromDb = await requireAccess(db, asUser(members.USER), org.id, action).then(({ actor, ...a }) => ({ ...a, kind: actor.kind }), (e) => e.code);
      expect(fromList).toEqual(fromDb);
    }
    // Another Organization's id is unknown to this person, whatever the database holds for it.
    await expect(requireAccess(db, withMemberships, other.id, "org.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stale = asUser(other.legalRepresentativeId, new Map());
    await expect(requireAccess(db, stale, other.id, "org.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[PRD-3] a user sees only the products granted to them or their team; the legal representative sees all", async () => {
    const db = getDb();
    const { org, members } = await orgWithEveryRole();
    const [own, viaTeam] = [await createProduct(db, { orgId: org.id }), await createProduct(db, { orgId: org.id })];
    await createProduct(db, { orgId: org.id });
    const userMembership = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId: members.USER } } });
    await grantProductAccess(db, { productIds: [own.id], membershipId: userMembership.id });
    await createTeam(db, { orgId: org.id, membershipIds: [userMembership.id], productIds: [viaTeam.id] });

    expect((await dashboardSummary(db, asUser(members.USER), org.id)).productCount).toBe(2);
    expect((await dashboardSummary(db, asUser(members.EXTERNAL), org.id)).productCount).toBe(0);
    expect((await dashboardSummary(db, asUser(members.LEGAL_REPRESENTATIVE), org.id)).productCount).toBe(3);
    // Billing figures are hidden from a user without billing rights.
    expect((await dashboardSummary(db, asUser(members.USER), org.id)).invoices).toBeNull();
    expect((await dashboardSummary(db, asUser(members.ADMINISTRATOR), org.id)).invoices).not.toBeNull();
  });

  test("[ACC-6] the dashboard of another Organization answers NOT_FOUND", async () => {
    const db = getDb();
    const a = await createOrganization(db);
    const b = await createOrganization(db);
    await expect(dashboardSummary(db, asUser(a.legalRepresentativeId), b.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[API-6] a token acts only within its scopes, its Organization and its owner's role", async () => {
    const db = getDb();
    const { org, members } = await orgWithEveryRole();
    const token = (userId: string, scopes: string[], orgId = org.id): Actor => ({ kind: "token", tokenId: "t", userId, orgIds: [orgId], scopes });
    await expect(requireAccess(db, token(members.ADMINISTRATOR, ["products:read"]), org.id, "products.read")).resolves.toBeTruthy();
    await expect(requireAccess(db, token(members.ADMINISTRATOR, ["products:read"]), org.id, "products.manage")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireAccess(db, token(members.USER, ["invoices:read"]), org.id, "billing.read")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireAccess(db, token(members.ADMINISTRATOR, ["products:write"], "other-org"), org.id, "products.read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(scopesAllow(["tags:write"], "tags.read" as Action)).toBe(true);
  });

  test("[SUP-4] only staff reach the back office; customers get NOT_FOUND", async () => {
    const db = getDb();
    const staff = await createStaffUser(db);
    const { members } = await orgWithEveryRole();
    await expect(backofficeOverview(db, { kind: "user", userId: staff.id, sessionId: "s", staffRole: "SUPPORT", secondFactor: true })).resolves.toMatchObject({ openVerifications: expect.any(Number) });
    await expect(backofficeOverview(db, asUser(members.LEGAL_REPRESENTATIVE))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
