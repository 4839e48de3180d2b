import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { getMemberPermissions } from "@/lib/members/get-member-permissions";
import { updateMemberPermissions } from "@/lib/members/update-member-permissions";
import { dashboardSummary } from "@/lib/orgs/dashboard-summary";
import { addMember, createOrganization, createProducts, createTeam, createUser, grantProductAccess, unique } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

async function setup() {
  const db = getDb();
  const owner = await createUser(db);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id, name: unique("Acme") });
  const [domain, hosting, mail] = await createProducts(db, [
    { orgId: org.id, category: "domain" },
    { orgId: org.id, category: "hosting" },
    { orgId: org.id, category: "mail" },
  ]);
  const other = await createOrganization(db, { name: unique("Other") });
  const [foreign] = await createProducts(db, [{ orgId: other.id, category: "domain" }]);
  const admin = await createUser(db);
  const user = await createUser(db);
  const colleague = await createUser(db);
  const m = {
    owner: org.legalRepresentativeMembershipId,
    admin: (await addMember(db, org.id, admin.id, "ADMINISTRATOR")).id,
    user: (await addMember(db, org.id, user.id, "USER")).id,
    colleague: (await addMember(db, org.id, colleague.id, "USER")).id,
  };
  return { db, org, other, products: { domain, hosting, mail, foreign }, users: { owner, admin, user, colleague }, m };
}

const directIds = async (membershipId: string) =>
  (await getDb().productAccess.findMany({ where: { membershipId }, select: { productId: true } })).map((r) => r.productId).sort();

describe("editing a member's permissions (ORG-5)", () => {
  test("[SEC-5] [ORG-5] a terminated product already granted can be sent back (kept) and left out (removed): no 500, no stuck grant", async () => {
    const { db, org, products, users, m } = await setup();
    await db.product.update({ where: { id: products.hosting.id }, data: { status: "TERMINATED", terminatedAt: new Date() } });
    await grantProductAccess(db, { membershipId: m.user, productIds: [products.hosting.id, products.mail.id] });
    const admin = asUser(users.admin.id);
    await updateMemberPermissions(db, admin, { orgId: org.id, membershipId: m.user, productIds: [products.hosting.id, products.mail.id] });
    expect(await directIds(m.user)).toEqual([products.hosting.id, products.mail.id].sort());
    await updateMemberPermissions(db, admin, { orgId: org.id, membershipId: m.user, productIds: [products.mail.id] });
    expect(await directIds(m.user)).toEqual([products.mail.id]);
  });

  test("[ORG-5] an administrator edits a user's product access and contact preferences", async () => {
    const { db, org, products, users, m } = await setup();
    await grantProductAccess(db, { membershipId: m.user, productIds: [products.mail.id] });
    expect((await dashboardSummary(db, asUser(users.user.id), org.id)).productCount).toBe(1);

    const admin = asUser(users.admin.id);
    const result = await updateMemberPermissions(db, admin, {
      orgId: org.id,
      membershipId: m.user,
      productIds: [products.domain.id, products.hosting.id],
      contactPrefs: ["TECHNICAL", "SECURITY"],
    });
    expect(result.added.sort()).toEqual([products.domain.id, products.hosting.id].sort());
    expect(result.removed).toEqual([products.mail.id]);
    expect(await directIds(m.user)).toEqual([products.domain.id, products.hosting.id].sort());
    expect((await dashboardSummary(db, asUser(users.user.id), org.id)).productCount).toBe(2);
    const membership = await db.membership.findUniqueOrThrow({ where: { id: m.user } });
    expect(membership.contactPrefs.sort()).toEqual(["SECURITY", "TECHNICAL"]);

    const view = await getMemberPermissions(db, admin, org.id, m.user);
    expect(view.granted.items.map((p) => p.id).sort()).toEqual([products.domain.id, products.hosting.id].sort());
    expect(view.canEditProducts).toBe(true);
    expect(view.grantable?.items.map((p) => p.id)).toHaveLength(3);
  });

  test("[ORG-5] the change is audited with the added and removed products", async () => {
    const { db, org, products, users, m } = await setup();
    await grantProductAccess(db, { membershipId: m.user, productIds: [products.mail.id] });
    await updateMemberPermissions(db, asUser(users.admin.id), { orgId: org.id, membershipId: m.user, productIds: [products.domain.id] });
    const row = await db.auditLog.findFirstOrThrow({ where: { orgId: org.id, action: "membership.permissionsUpdated", targetId: m.user } });
    expect(row.actorId).toBe(users.admin.id);
    expect(row.metadata).toMatchObject({ added: [products.domain.id], removed: [products.mail.id] });
  });

  test("[ORG-5] a user edits their own contact preferences but not their own product access nor anyone else's", async () => {
    const { db, org, products, users, m } = await setup();
    await grantProductAccess(db, { membershipId: m.user, productIds: [products.mail.id] });
    const user = asUser(users.user.id);
    await updateMemberPermissions(db, user, { orgId: org.id, membershipId: m.user, productIds: [products.mail.id], contactPrefs: ["BILLING"] });
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.user } })).contactPrefs).toEqual(["BILLING"]);

    await expect(
      updateMemberPermissions(db, user, { orgId: org.id, membershipId: m.user, productIds: [products.mail.id, products.domain.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" }); // a product they do not see
    await expect(updateMemberPermissions(db, user, { orgId: org.id, membershipId: m.user, productIds: [] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      updateMemberPermissions(db, user, { orgId: org.id, membershipId: m.colleague, productIds: [], contactPrefs: ["BILLING"] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await directIds(m.user)).toEqual([products.mail.id]);
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.colleague } })).contactPrefs).toEqual([]);

    const view = await getMemberPermissions(db, user, org.id, m.user);
    expect(view).toMatchObject({ canEditProducts: false, canEditContactPrefs: true });
  });

  test("[ORG-5] an administrator cannot edit a legal representative", async () => {
    const { db, org, users, m } = await setup();
    await expect(
      updateMemberPermissions(db, asUser(users.admin.id), { orgId: org.id, membershipId: m.owner, productIds: [], contactPrefs: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getMemberPermissions(db, asUser(users.admin.id), org.id, m.owner)).canEditContactPrefs).toBe(false);
  });

  test("[ORG-5] a product of another Organization is NOT_FOUND and nothing is written", async () => {
    const { db, org, products, users, m } = await setup();
    await expect(
      updateMemberPermissions(db, asUser(users.admin.id), {
        orgId: org.id,
        membershipId: m.user,
        productIds: [products.domain.id, products.foreign.id],
        contactPrefs: ["BILLING"],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await directIds(m.user)).toEqual([]);
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.user } })).contactPrefs).toEqual([]);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "membership.permissionsUpdated" } })).toBe(0);
  });

  test("[ORG-5] team grants are shown read-only and left untouched", async () => {
    const { db, org, products, users, m } = await setup();
    await createTeam(db, { orgId: org.id, membershipIds: [m.user], productIds: [products.hosting.id] });
    await updateMemberPermissions(db, asUser(users.admin.id), { orgId: org.id, membershipId: m.user, productIds: [products.domain.id] });
    const view = await getMemberPermissions(db, asUser(users.admin.id), org.id, m.user);
    expect(view.viaTeams.items.map((p) => p.id)).toEqual([products.hosting.id]);
    expect(view.granted.items.map((p) => p.id)).toEqual([products.domain.id]);
    expect((await dashboardSummary(db, asUser(users.user.id), org.id)).productCount).toBe(2);
  });

  test("[ORG-5] outsiders and another Organization's membership get NOT_FOUND", async () => {
    const { db, org, other, users, m } = await setup();
    const outsider = await createUser(db);
    await expect(
      updateMemberPermissions(db, asUser(outsider.id), { orgId: org.id, membershipId: m.user, productIds: [], contactPrefs: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMemberPermissions(db, asUser(outsider.id), org.id, m.user)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateMemberPermissions(db, asUser(users.admin.id), { orgId: org.id, membershipId: other.legalRepresentativeMembershipId, productIds: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMemberPermissions(db, asUser(users.admin.id), org.id, other.legalRepresentativeMembershipId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("[ORG-5] the console's picker sends a change: only the named grants move, and a forged id is refused", async () => {
    const { db, org, products, users, m } = await setup();
    await grantProductAccess(db, { membershipId: m.user, productIds: [products.mail.id, products.hosting.id] });
    const admin = asUser(users.admin.id);
    // Form data as the picker submits it: one id alone arrives as a string.
    const result = await updateMemberPermissions(db, admin, {
      orgId: org.id,
      membershipId: m.user,
      addProductIds: [products.domain.id],
      removeProductIds: [products.mail.id],
    });
    expect(result).toMatchObject({ added: [products.domain.id], removed: [products.mail.id], changed: true });
    expect(await directIds(m.user)).toEqual([products.domain.id, products.hosting.id].sort());

    // Another Organization's product, whatever the client sends: NOT_FOUND and nothing written.
    await expect(
      updateMemberPermissions(db, admin, { orgId: org.id, membershipId: m.user, addProductIds: [products.foreign.id], removeProductIds: [products.hosting.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await directIds(m.user)).toEqual([products.domain.id, products.hosting.id].sort());

    // A USER who sees only their own products cannot add one they do not see, even to themselves.
    await grantProductAccess(db, { membershipId: m.colleague, productIds: [products.mail.id] });
    await expect(
      updateMemberPermissions(db, asUser(users.colleague.id), { orgId: org.id, membershipId: m.user, addProductIds: [products.mail.id] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await directIds(m.user)).toEqual([products.domain.id, products.hosting.id].sort());
  });
});
