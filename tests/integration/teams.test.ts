import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dashboardSummary } from "@/lib/orgs/dashboard-summary";
import { addTeamMembers } from "@/lib/teams/add-team-members";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { getTeam, TEAM_PRODUCTS_PER_PAGE } from "@/lib/teams/get-team";
import { grantTeamProducts } from "@/lib/teams/grant-team-products";
import { listTeams } from "@/lib/teams/list-teams";
import { removeTeamMember } from "@/lib/teams/remove-team-member";
import { renameTeam } from "@/lib/teams/rename-team";
import { revokeTeamProduct } from "@/lib/teams/revoke-team-product";
import { addMembers, createOrganization, createProducts, createUsers, grantProductAccess, createTeam as teamFactory } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null, ip: "203.0.113.7" });

/** Owner (legal representative), admin, user, external; two products; another Organization with its own team, member and product. */
async function setup() {
  const db = getDb();
  const [owner, admin, user, external, otherOwner, otherUser] = await createUsers(db, [
    { firstName: "Olga" },
    { firstName: "Adam" },
    { firstName: "Ugo" },
    { firstName: "Erik" },
    { firstName: "Otto" },
    { firstName: "Uma" },
  ]);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id });
  const [mAdmin, mUser, mExternal] = await addMembers(db, org.id, [
    { userId: admin.id, role: "ADMINISTRATOR" },
    { userId: user.id, role: "USER" },
    { userId: external.id, role: "EXTERNAL" },
  ]);
  const [site, mail] = await createProducts(db, [
    { orgId: org.id, category: "hosting" },
    { orgId: org.id, category: "mail" },
  ]);
  const other = await createOrganization(db, { legalRepresentativeId: otherOwner.id });
  const [mOtherUser] = await addMembers(db, other.id, [{ userId: otherUser.id, role: "USER" }]);
  const [otherProduct] = await createProducts(db, [{ orgId: other.id }]);
  const otherTeam = await teamFactory(db, { orgId: other.id, name: "Foreign" });
  return {
    org,
    other,
    as: { owner: asUser(owner.id), admin: asUser(admin.id), user: asUser(user.id), external: asUser(external.id), otherOwner: asUser(otherOwner.id) },
    m: { owner: org.legalRepresentativeMembershipId, admin: mAdmin.id, user: mUser.id, external: mExternal.id, otherUser: mOtherUser.id },
    products: { site, mail, otherProduct },
    otherTeam,
  };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return "OK";
}

describe("teams (ORG-6)", () => {
  test("[ORG-6] a legal representative creates, renames and deletes a team; counts follow", async () => {
    const db = getDb();
    const { org, as, m, products } = await setup();
    const team = await createTeam(db, as.owner, { orgId: org.id, name: "  Web team " });
    expect(team.name).toBe("Web team");
    await addTeamMembers(db, as.owner, { orgId: org.id, teamId: team.id, membershipIds: [m.user, m.admin] });
    await grantTeamProducts(db, as.owner, { orgId: org.id, teamId: team.id, productIds: products.site.id });
    expect((await listTeams(db, as.owner, { orgId: org.id })).items).toEqual([
      expect.objectContaining({ id: team.id, name: "Web team", memberCount: 2, productCount: 1 }),
    ]);

    await renameTeam(db, as.admin, { orgId: org.id, teamId: team.id, name: "Hosting team" });
    const detail = await getTeam(db, as.owner, { orgId: org.id, teamId: team.id, forPage: true });
    expect(detail.team.name).toBe("Hosting team");
    expect(detail.members.map((x) => x.membershipId).sort()).toEqual([m.admin, m.user].sort());
    expect(detail.products).toEqual([expect.objectContaining({ id: products.site.id, category: "hosting" })]);
    // The member picker offers only who is not in the team yet; the product picker's first page, by name.
    expect(detail.candidates.members.map((x) => x.membershipId).sort()).toEqual([m.owner, m.external].sort());
    expect(detail.candidates.products?.items.map((p) => p.id).sort()).toEqual([products.site.id, products.mail.id].sort());
    expect(detail.candidates.categories).toContain("hosting");

    await deleteTeam(db, as.owner, { orgId: org.id, teamId: team.id });
    expect((await listTeams(db, as.owner, { orgId: org.id })).items).toEqual([]);
    // The members stay in the Organization; only the team and its grants are gone.
    expect(await db.membership.count({ where: { id: { in: [m.user, m.admin] } } })).toBe(2);
    expect(await db.productAccess.count({ where: { teamId: team.id } })).toBe(0);
  });

  test("[ORG-6] a product granted to a team becomes visible to its members, and leaving the team takes it away", async () => {
    const db = getDb();
    const { org, as, m, products } = await setup();
    const team = await createTeam(db, as.owner, { orgId: org.id, name: "Mail team" });
    const visible = async () => (await dashboardSummary(db, as.user, org.id)).productCount;
    expect(await visible()).toBe(0);

    await addTeamMembers(db, as.admin, { orgId: org.id, teamId: team.id, membershipIds: m.user });
    await grantTeamProducts(db, as.admin, { orgId: org.id, teamId: team.id, productIds: [products.mail.id] });
    expect(await visible()).toBe(1);

    // The union of own and team grants: a product granted to the member personally adds to it.
    await grantProductAccess(db, { membershipId: m.user, productIds: [products.site.id] });
    expect(await visible()).toBe(2);

    await removeTeamMember(db, as.admin, { orgId: org.id, teamId: team.id, membershipId: m.user });
    expect(await visible()).toBe(1);

    await addTeamMembers(db, as.admin, { orgId: org.id, teamId: team.id, membershipIds: m.user });
    expect(await visible()).toBe(2);
    await revokeTeamProduct(db, as.admin, { orgId: org.id, teamId: team.id, productId: products.mail.id });
    expect(await visible()).toBe(1);
  });

  test("[ORG-6] another Organization's team, member or product is refused as NOT_FOUND", async () => {
    const db = getDb();
    const { org, other, as, m, products, otherTeam } = await setup();
    const team = await createTeam(db, as.owner, { orgId: org.id, name: "Ours" });
    expect(await code(getTeam(db, as.owner, { orgId: org.id, teamId: otherTeam.id }))).toBe("NOT_FOUND");
    expect(await code(renameTeam(db, as.owner, { orgId: org.id, teamId: otherTeam.id, name: "Hijacked" }))).toBe("NOT_FOUND");
    expect(await code(deleteTeam(db, as.owner, { orgId: org.id, teamId: otherTeam.id }))).toBe("NOT_FOUND");
    expect(await code(addTeamMembers(db, as.owner, { orgId: org.id, teamId: otherTeam.id, membershipIds: [m.user] }))).toBe("NOT_FOUND");
    expect(await code(addTeamMembers(db, as.owner, { orgId: org.id, teamId: team.id, membershipIds: [m.user, m.otherUser] }))).toBe("NOT_FOUND");
    expect(await code(grantTeamProducts(db, as.owner, { orgId: org.id, teamId: team.id, productIds: [products.otherProduct.id] }))).toBe("NOT_FOUND");
    expect(await code(grantTeamProducts(db, as.owner, { orgId: org.id, teamId: otherTeam.id, productIds: [products.site.id] }))).toBe("NOT_FOUND");
    expect(await code(removeTeamMember(db, as.owner, { orgId: org.id, teamId: team.id, membershipId: m.otherUser }))).toBe("NOT_FOUND");
    expect(await code(revokeTeamProduct(db, as.owner, { orgId: org.id, teamId: team.id, productId: products.otherProduct.id }))).toBe("NOT_FOUND");
    // An outsider of the Organization learns nothing either.
    expect(await code(listTeams(db, as.otherOwner, { orgId: org.id }))).toBe("NOT_FOUND");
    expect(await code(createTeam(db, as.otherOwner, { orgId: org.id, name: "Intruders" }))).toBe("NOT_FOUND");
    // Nothing was written: the refused addition was all or nothing, and the other team is untouched.
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(0);
    expect(await db.team.findUniqueOrThrow({ where: { id: otherTeam.id } })).toMatchObject({ orgId: other.id, name: "Foreign" });
  });

  test("[ORG-6] a user may read teams but change nothing; an external user may not even read them", async () => {
    const db = getDb();
    const { org, as, m, products } = await setup();
    const team = await createTeam(db, as.owner, { orgId: org.id, name: "Read only" });
    const list = await listTeams(db, as.user, { orgId: org.id });
    expect(list).toMatchObject({ canManage: false, items: [{ id: team.id }] });
    const detail = await getTeam(db, as.user, { orgId: org.id, teamId: team.id, forPage: true });
    expect(detail).toMatchObject({ canManage: false, candidates: { members: [], products: null, categories: [] } });

    // Thunks: each attempt starts only when awaited, one after the other.
    const writes = (actor: Actor) => [
      () => createTeam(db, actor, { orgId: org.id, name: "Mine" }),
      () => renameTeam(db, actor, { orgId: org.id, teamId: team.id, name: "Renamed" }),
      () => addTeamMembers(db, actor, { orgId: org.id, teamId: team.id, membershipIds: [m.user] }),
      () => removeTeamMember(db, actor, { orgId: org.id, teamId: team.id, membershipId: m.user }),
      () => grantTeamProducts(db, actor, { orgId: org.id, teamId: team.id, productIds: [products.site.id] }),
      () => revokeTeamProduct(db, actor, { orgId: org.id, teamId: team.id, productId: products.site.id }),
      () => deleteTeam(db, actor, { orgId: org.id, teamId: team.id }),
    ];
    for (const attempt of writes(as.user)) expect(await code(attempt())).toBe("FORBIDDEN");
    for (const attempt of writes(as.external)) expect(await code(attempt())).toBe("FORBIDDEN");
    expect(await code(listTeams(db, as.external, { orgId: org.id }))).toBe("FORBIDDEN");
    expect(await code(getTeam(db, as.external, { orgId: org.id, teamId: team.id }))).toBe("FORBIDDEN");
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: "Read only" });
    expect(await db.team.count({ where: { orgId: org.id } })).toBe(1);
  });

  test("[ORG-6] team names are unique per Organization: a duplicate is a CONFLICT on the name field", async () => {
    const db = getDb();
    const { org, other, as } = await setup();
    await createTeam(db, as.owner, { orgId: org.id, name: "Support" });
    const second = await createTeam(db, as.owner, { orgId: org.id, name: "Sales" });
    const dup = await createTeam(db, as.owner, { orgId: org.id, name: "Support" }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(AppError);
    expect(dup).toMatchObject({ code: "CONFLICT", message: "errors.teamNameTaken", fieldErrors: { name: ["errors.teamNameTaken"] } });
    expect(await renameTeam(db, as.owner, { orgId: org.id, teamId: second.id, name: "Support" }).catch((e: AppError) => e.code)).toBe("CONFLICT");
    // The same name in another Organization is fine.
    await expect(createTeam(db, as.otherOwner, { orgId: other.id, name: "Support" })).resolves.toMatchObject({ name: "Support" });
    // An empty name is a validation error, not a 500.
    await expect(createTeam(db, as.owner, { orgId: org.id, name: "   " })).rejects.toMatchObject({ name: "ZodError" });
  });

  test("[ORG-6] every write is audited with who, what, which team and from where", async () => {
    const db = getDb();
    const { org, as, m, products } = await setup();
    const team = await createTeam(db, as.owner, { orgId: org.id, name: "Audited" });
    await renameTeam(db, as.owner, { orgId: org.id, teamId: team.id, name: "Audited 2" });
    await addTeamMembers(db, as.owner, { orgId: org.id, teamId: team.id, membershipIds: [m.user] });
    await grantTeamProducts(db, as.owner, { orgId: org.id, teamId: team.id, productIds: [products.site.id] });
    await revokeTeamProduct(db, as.owner, { orgId: org.id, teamId: team.id, productId: products.site.id });
    await removeTeamMember(db, as.owner, { orgId: org.id, teamId: team.id, membershipId: m.user });
    await deleteTeam(db, as.owner, { orgId: org.id, teamId: team.id });
    const rows = await db.auditLog.findMany({ where: { orgId: org.id, action: { startsWith: "team." } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual([
      "team.created",
      "team.renamed",
      "team.memberAdded",
      "team.productGranted",
      "team.productRevoked",
      "team.memberRemoved",
      "team.deleted",
    ]);
    const ownerId = (as.owner as Extract<Actor, { kind: "user" }>).userId;
    for (const row of rows) expect(row).toMatchObject({ actorKind: "USER", actorId: ownerId, targetType: "team", targetId: team.id, ip: "203.0.113.7" });
    expect(rows[1].metadata).toMatchObject({ name: "Audited 2", previous: "Audited" });
    expect(rows[3].metadata).toMatchObject({ productId: products.site.id });
    // Refused writes leave no trace of a change.
    await createTeam(db, as.user, { orgId: org.id, name: "Nope" }).catch(() => null);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "team.created" } })).toBe(1);
  });

  test("[ORG-6] the team page lists its granted products one page at a time, by name", async () => {
    const db = getDb();
    const { org, as } = await setup();
    const team = await createTeam(db, as.owner, { orgId: org.id, name: "Many products" });
    const many = await createProducts(
      db,
      Array.from({ length: TEAM_PRODUCTS_PER_PAGE + 5 }, (_, i) => ({ orgId: org.id, name: `granted-${String(i).padStart(3, "0")}.example` })),
    );
    await grantTeamProducts(db, as.owner, { orgId: org.id, teamId: team.id, productIds: many.map((p) => p.id) });
    const first = await getTeam(db, as.owner, { orgId: org.id, teamId: team.id, forPage: true });
    expect(first.productCount).toBe(TEAM_PRODUCTS_PER_PAGE + 5);
    expect(first.products.map((p) => p.name)).toEqual(many.slice(0, TEAM_PRODUCTS_PER_PAGE).map((p) => p.name));
    expect(first.nextProductsCursor).toEqual(expect.any(String));
    const second = await getTeam(db, as.owner, { orgId: org.id, teamId: team.id, forPage: true, productsAfter: first.nextProductsCursor! });
    expect(second.products.map((p) => p.name)).toEqual(many.slice(TEAM_PRODUCTS_PER_PAGE).map((p) => p.name));
    expect(second.nextProductsCursor).toBeNull();
    // The API (not the page) still answers every grant, and no candidates.
    const all = await getTeam(db, as.owner, { orgId: org.id, teamId: team.id });
    expect(all.products).toHaveLength(TEAM_PRODUCTS_PER_PAGE + 5);
    expect(all.candidates).toEqual({ members: [], products: null, categories: [] });
  });
});
