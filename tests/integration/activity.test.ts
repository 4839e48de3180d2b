import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { listActivity } from "@/lib/audit/list-activity";
import { getDb } from "@/lib/db";
import { addTeamMembers } from "@/lib/teams/add-team-members";
import { createTeam } from "@/lib/teams/create-team";
import { addMembers, createOrganization, createUsers } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null, ip: "198.51.100.4" });

async function setup() {
  const db = getDb();
  const [owner, admin, user, external, otherOwner] = await createUsers(db, [
    { firstName: "Lea", lastName: "Legal", timeZone: "America/New_York" },
    { firstName: "Ada", lastName: "Admin" },
    { firstName: "Uli", lastName: "User" },
    { firstName: "Eli", lastName: "External" },
    { firstName: "Oskar", lastName: "Other" },
  ]);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id });
  await addMembers(db, org.id, [
    { userId: admin.id, role: "ADMINISTRATOR" },
    { userId: user.id, role: "USER" },
    { userId: external.id, role: "EXTERNAL" },
  ]);
  const other = await createOrganization(db, { legalRepresentativeId: otherOwner.id });
  return { org, other, users: { owner, admin, user, external, otherOwner } };
}

describe("activity page (audit log)", () => {
  test("[ORG-1] legal representatives and administrators see their Organization's rows only, newest first", async () => {
    const db = getDb();
    const { org, other, users } = await setup();
    const team = await createTeam(db, asUser(users.admin.id), { orgId: org.id, name: "Ops" });
    await createTeam(db, asUser(users.otherOwner.id), { orgId: other.id, name: "Secret team" });
    await db.$transaction((tx) => audit(tx, asUser(users.owner.id), { action: "org.updated", orgId: org.id, targetId: org.id }));

    for (const viewer of [users.owner, users.admin]) {
      const page = await listActivity(db, asUser(viewer.id), { orgId: org.id });
      expect(page.items.map((i) => i.action)).toEqual(["org.updated", "team.created"]);
      expect(page.items[1]).toMatchObject({
        actorName: "Ada Admin",
        actorEmail: users.admin.email,
        targetType: "team",
        targetId: team.id,
        targetLabel: "Ops",
        ip: "198.51.100.4",
      });
      expect(page.items.some((i) => i.targetLabel === "Secret team")).toBe(false);
    }
    // The page shows times in the viewer's own zone.
    expect((await listActivity(db, asUser(users.owner.id), { orgId: org.id })).timeZone).toBe("America/New_York");
    // The other Organization's representative sees their own rows, never ours.
    const theirs = await listActivity(db, asUser(users.otherOwner.id), { orgId: other.id });
    expect(theirs.items.map((i) => i.targetLabel)).toEqual(["Secret team"]);
  });

  test("[ORG-6] a row about a person names them, next to the team it concerns", async () => {
    const db = getDb();
    const { org, users } = await setup();
    const owner = asUser(users.owner.id);
    const team = await createTeam(db, owner, { orgId: org.id, name: "Web" });
    const membership = await db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: users.user.id } });
    await addTeamMembers(db, owner, { orgId: org.id, teamId: team.id, membershipIds: [membership.id] });
    const [row] = (await listActivity(db, owner, { orgId: org.id, action: "team.memberAdded" })).items;
    expect(row).toMatchObject({ actorName: "Lea Legal", targetLabel: "Web · Uli User" });
  });

  test("[ORG-1] users, external users and outsiders are refused", async () => {
    const db = getDb();
    const { org, users } = await setup();
    await expect(listActivity(db, asUser(users.user.id), { orgId: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listActivity(db, asUser(users.external.id), { orgId: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listActivity(db, asUser(users.otherOwner.id), { orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[ORG-1] filters by action prefix and paginates by keyset without gaps or repeats", async () => {
    const db = getDb();
    const { org, users } = await setup();
    const owner = asUser(users.owner.id);
    for (let i = 0; i < 5; i++) await createTeam(db, owner, { orgId: org.id, name: `Team ${i}` });
    await db.$transaction((tx) => audit(tx, owner, { action: "org.billingAddressAdded", orgId: org.id }));
    // A name that merely starts like a family ("teamwork" vs "team") written as an older release might have.
    await db.auditLog.create({ data: { actorKind: "USER", actorId: users.owner.id, orgId: org.id, action: "teamwork.other" } });

    const teams = await listActivity(db, owner, { orgId: org.id, action: "team" });
    expect(teams.items.map((i) => i.targetLabel)).toEqual(["Team 4", "Team 3", "Team 2", "Team 1", "Team 0"]);
    expect((await listActivity(db, owner, { orgId: org.id, action: "org.billingAddressAdded" })).items.map((i) => i.action)).toEqual(["org.billingAddressAdded"]);
    // A malformed filter is ignored rather than failing.
    expect((await listActivity(db, owner, { orgId: org.id, action: "team%'" })).items).toHaveLength(7);

    const seen: string[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listActivity(db, owner, { orgId: org.id, action: "team", perPage: 2, before });
      seen.push(...page.items.map((i) => i.targetLabel ?? ""));
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    expect(seen).toEqual(["Team 4", "Team 3", "Team 2", "Team 1", "Team 0"]);
  });

  test("[ORG-1] filters by kind of actor, with the action filter, and pages through the filtered rows by keyset", async () => {
    const db = getDb();
    const { org, other, users } = await setup();
    const base = Date.UTC(2026, 10, 1);
    const kinds = ["USER", "API_TOKEN", "PARTNER", "STAFF", "SYSTEM"] as const;
    // 25 rows, five of each kind; two API-token rows share one instant so the keyset's tie-break on id counts.
    await db.auditLog.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        orgId: org.id,
        actorKind: kinds[i % 5],
        action: i % 2 ? "team.create" : "tag.create",
        at: new Date(base + (i === 6 ? 1 : i) * 60_000),
        metadata: { name: `row-${i}` },
      })),
    });
    await db.auditLog.create({ data: { orgId: other.id, actorKind: "API_TOKEN", action: "team.create", metadata: { name: "theirs" } } });
    const owner = asUser(users.owner.id);

    const tokens = await listActivity(db, owner, { orgId: org.id, actorKind: "API_TOKEN" });
    expect(tokens.items.map((i) => i.targetLabel)).toEqual(["row-21", "row-16", "row-11", "row-6", "row-1"]);
    expect(tokens.items.every((i) => i.actorKind === "API_TOKEN")).toBe(true);
    // Both filters at once: API-token rows of the "team" family only.
    const teamTokens = await listActivity(db, owner, { orgId: org.id, actorKind: "API_TOKEN", action: "team" });
    expect(teamTokens.items.map((i) => i.targetLabel)).toEqual(["row-21", "row-11", "row-1"]);
    // An unknown kind is ignored (the whole log), like any malformed filter.
    expect((await listActivity(db, owner, { orgId: org.id, actorKind: "ROBOT" })).items).toHaveLength(25);
    expect((await listActivity(db, owner, { orgId: org.id, actorKind: "ROBOT" })).params.actorKind).toBeUndefined();

    const seen: string[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listActivity(db, owner, { orgId: org.id, actorKind: "API_TOKEN", perPage: 2, before });
      expect(page.params.actorKind).toBe("API_TOKEN");
      seen.push(...page.items.map((i) => i.targetLabel ?? ""));
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    expect(seen).toEqual(["row-21", "row-16", "row-11", "row-6", "row-1"]);
    // The filter never widens access: a user is still refused.
    await expect(listActivity(db, asUser(users.user.id), { orgId: org.id, actorKind: "USER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
