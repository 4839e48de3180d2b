import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { can, type Action } from "@/lib/access/permissions";
import { DAY, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeRole } from "@/lib/members/change-role";
import { leaveOrganization } from "@/lib/members/leave-organization";
import { listMembers } from "@/lib/members/list-members";
import { removeMembers } from "@/lib/members/remove-members";
import { addMember, addMembers, createOrganization, createTeam, createUser, createUsers, unique } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

function invite(orgId: string, invitedById: string, email: string, extra: { role?: Role; expiresAt?: Date; acceptedAt?: Date; revokedAt?: Date } = {}) {
  return getDb().invitation.create({
    data: { orgId, email, role: extra.role ?? "USER", tokenHash: unique("token"), invitedById, expiresAt: extra.expiresAt ?? new Date(now().getTime() + 7 * DAY), ...extra },
  });
}

/** Alice (owner, legal representative), Bruno (admin), Carla and Dario (users, Carla in "Web"), Eva (external), one pending invitation. */
async function team() {
  const db = getDb();
  const [alice, bruno, carla, dario, eva] = await createUsers(db, [
    { firstName: "Alice", lastName: "Martin", lastSignInAt: new Date("2026-03-01T10:00:00Z") },
    { firstName: "Bruno", lastName: "Keller", lastSignInAt: new Date("2026-05-01T10:00:00Z") },
    { firstName: "Carla", lastName: "Rossi", email: `carla.${unique("x")}@web.example` },
    { firstName: "Dario", lastName: "100%_Bianchi", lastSignInAt: new Date("2026-04-01T10:00:00Z") },
    { firstName: "Eva", lastName: "Zur", lastSignInAt: new Date("2026-01-01T10:00:00Z") },
  ]);
  const org = await createOrganization(db, { legalRepresentativeId: alice.id });
  const [mBruno, mCarla, mDario, mEva] = await addMembers(db, org.id, [
    { userId: bruno.id, role: "ADMINISTRATOR" },
    { userId: carla.id, role: "USER" },
    { userId: dario.id, role: "USER" },
    { userId: eva.id, role: "EXTERNAL" },
  ]);
  const web = await createTeam(db, { orgId: org.id, name: "Web", membershipIds: [mCarla.id] });
  const pending = await invite(org.id, alice.id, `new.${unique("x")}@invite.example`, { role: "ADMINISTRATOR" });
  await invite(org.id, alice.id, `accepted.${unique("x")}@invite.example`, { acceptedAt: now() });
  await invite(org.id, alice.id, `revoked.${unique("x")}@invite.example`, { revokedAt: now() });
  await invite(org.id, alice.id, `expired.${unique("x")}@invite.example`, { expiresAt: new Date(now().getTime() - DAY) });
  return {
    org,
    users: { alice, bruno, carla, dario, eva },
    m: { alice: org.legalRepresentativeMembershipId, bruno: mBruno.id, carla: mCarla.id, dario: mDario.id, eva: mEva.id },
    web,
    pending,
  };
}

const names = (items: { name: string | null; email: string }[]) => items.map((i) => i.name ?? i.email);

describe("listing users (ORG-1, ORG-4)", () => {
  test("[ORG-1] lists members with role, teams, last sign-in and status, plus only the pending invitations", async () => {
    const db = getDb();
    const { org, users, pending } = await team();
    const list = await listMembers(db, asUser(users.dario.id), { orgId: org.id });
    expect(list.total).toBe(6);
    expect(names(list.items)).toEqual(["Alice Martin", "Bruno Keller", "Carla Rossi", "Dario 100%_Bianchi", "Eva Zur", pending.email]);
    const carla = list.items.find((i) => i.name === "Carla Rossi")!;
    expect(carla).toMatchObject({ kind: "member", role: "USER", status: "active", teams: [{ name: "Web" }], lastSignInAt: null });
    const alice = list.items.find((i) => i.name === "Alice Martin")!;
    expect(alice.lastSignInAt).toEqual(new Date("2026-03-01T10:00:00Z"));
    expect(list.items.at(-1)).toMatchObject({ kind: "invitation", status: "invited", role: "ADMINISTRATOR", teams: [] });
    // A user may read the list but change nothing.
    expect(list.items.every((i) => !i.canChangeRole && !i.canRemove)).toBe(true);
  });

  test("[ORG-1] searches by name, full name or e-mail, case-insensitively, with % and _ taken literally", async () => {
    const db = getDb();
    const { org, users, pending } = await team();
    const search = async (q: string) => names((await listMembers(db, asUser(users.alice.id), { orgId: org.id, q })).items);
    expect(await search("carla")).toEqual(["Carla Rossi"]);
    expect(await search("BRUNO kel")).toEqual(["Bruno Keller"]);
    expect(await search("@web.example")).toEqual(["Carla Rossi"]);
    expect(await search("invite.example")).toEqual([pending.email]);
    expect(await search("100%_")).toEqual(["Dario 100%_Bianchi"]);
    expect(await search("%")).toEqual(["Dario 100%_Bianchi"]);
    expect(await search("nobody-here")).toEqual([]);
  });

  test("[ORG-1] filters by role, team and status", async () => {
    const db = getDb();
    const { org, users, web, pending } = await team();
    const list = (input: Record<string, string>) => listMembers(db, asUser(users.bruno.id), { orgId: org.id, ...input });
    expect(names((await list({ role: "USER" })).items)).toEqual(["Carla Rossi", "Dario 100%_Bianchi"]);
    expect(names((await list({ role: "ADMINISTRATOR" })).items)).toEqual(["Bruno Keller", pending.email]);
    expect(names((await list({ teamId: web.id })).items)).toEqual(["Carla Rossi"]);
    expect(names((await list({ status: "invited" })).items)).toEqual([pending.email]);
    expect((await list({ status: "active" })).total).toBe(5);
    // [SEC-5] Invitations belong to no team: "invited" in a team is an empty list, not an error.
    expect(await list({ teamId: web.id, status: "invited" })).toMatchObject({ items: [], total: 0 });
    // Malformed URL parameters fall back to the defaults instead of failing.
    expect((await list({ role: "OWNER", sort: "password", page: "-3" })).total).toBe(6);
  });

  test("[ORG-1] sorts by name, role and last sign-in, in both directions", async () => {
    const db = getDb();
    const { org, users, pending } = await team();
    const list = async (sort: string, dir = "asc") => names((await listMembers(db, asUser(users.alice.id), { orgId: org.id, sort, dir })).items);
    expect(await list("name", "desc")).toEqual([pending.email, "Eva Zur", "Dario 100%_Bianchi", "Carla Rossi", "Bruno Keller", "Alice Martin"]);
    expect(await list("role")).toEqual(["Alice Martin", "Bruno Keller", pending.email, "Carla Rossi", "Dario 100%_Bianchi", "Eva Zur"]);
    expect(await list("role", "desc")).toEqual(["Eva Zur", "Carla Rossi", "Dario 100%_Bianchi", "Bruno Keller", pending.email, "Alice Martin"]);
    // Never signed in (and invitations) come last either way.
    expect(await list("lastSignIn", "desc")).toEqual(["Bruno Keller", "Dario 100%_Bianchi", "Alice Martin", "Eva Zur", "Carla Rossi", pending.email]);
    expect(await list("lastSignIn")).toEqual(["Eva Zur", "Alice Martin", "Dario 100%_Bianchi", "Bruno Keller", "Carla Rossi", pending.email]);
  });

  test("[ORG-1] paginates in SQL with the total of the whole result", async () => {
    const db = getDb();
    const { org, users, pending } = await team();
    const page = (n: number) => listMembers(db, asUser(users.alice.id), { orgId: org.id, perPage: 4, page: n });
    const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
    expect(names(p1.items)).toEqual(["Alice Martin", "Bruno Keller", "Carla Rossi", "Dario 100%_Bianchi"]);
    expect(names(p2.items)).toEqual(["Eva Zur", pending.email]);
    expect(p3.items).toEqual([]);
    expect([p1.total, p1.pageCount, p2.total]).toEqual([6, 2, 6]);
  });
});

describe("changing roles (ORG-5)", () => {
  test("[ORG-5] an administrator changes users up to their own rank, never to legal representative", async () => {
    const db = getDb();
    const { org, users, m } = await team();
    const bruno = asUser(users.bruno.id);
    await expect(changeRole(db, bruno, { orgId: org.id, membershipId: m.carla, role: "ADMINISTRATOR" })).resolves.toMatchObject({ changed: true });
    await expect(changeRole(db, bruno, { orgId: org.id, membershipId: m.dario, role: "EXTERNAL" })).resolves.toMatchObject({ role: "EXTERNAL" });
    await expect(changeRole(db, bruno, { orgId: org.id, membershipId: m.dario, role: "LEGAL_REPRESENTATIVE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "errors.roleAboveYours",
    });
    await expect(changeRole(db, bruno, { orgId: org.id, membershipId: m.bruno, role: "LEGAL_REPRESENTATIVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const roles = await db.membership.findMany({ where: { id: { in: [m.carla, m.dario, m.bruno] } }, select: { id: true, role: true } });
    expect(Object.fromEntries(roles.map((r) => [r.id, r.role]))).toEqual({ [m.carla]: "ADMINISTRATOR", [m.dario]: "EXTERNAL", [m.bruno]: "ADMINISTRATOR" });
    const entry = await db.auditLog.findFirst({ where: { orgId: org.id, action: "membership.roleChanged", targetId: m.carla } });
    expect(entry).toMatchObject({ actorId: users.bruno.id, metadata: { from: "USER", to: "ADMINISTRATOR" } });
  });

  test("[ORG-5] nobody changes someone who outranks them; only a legal representative makes or unmakes one", async () => {
    const db = getDb();
    const { org, users, m } = await team();
    await expect(changeRole(db, asUser(users.bruno.id), { orgId: org.id, membershipId: m.alice, role: "USER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "errors.memberOutranksYou",
    });
    await expect(changeRole(db, asUser(users.alice.id), { orgId: org.id, membershipId: m.bruno, role: "LEGAL_REPRESENTATIVE" })).resolves.toMatchObject({ changed: true });
    // Bruno is a legal representative now: he may demote Alice, who is no longer the only one (ORG-3).
    await expect(changeRole(db, asUser(users.bruno.id), { orgId: org.id, membershipId: m.alice, role: "ADMINISTRATOR" })).resolves.toMatchObject({ changed: true });
    expect(await db.membership.count({ where: { orgId: org.id, role: "LEGAL_REPRESENTATIVE" } })).toBe(1);
  });

  test("[ORG-5] a member edits their own role only downwards and only with the right to update users", async () => {
    const db = getDb();
    const { org, users, m } = await team();
    await expect(changeRole(db, asUser(users.carla.id), { orgId: org.id, membershipId: m.carla, role: "ADMINISTRATOR" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeRole(db, asUser(users.bruno.id), { orgId: org.id, membershipId: m.bruno, role: "USER" })).resolves.toMatchObject({ changed: true });
    // Now a plain user, Bruno may no longer change anyone.
    await expect(changeRole(db, asUser(users.bruno.id), { orgId: org.id, membershipId: m.dario, role: "EXTERNAL" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("[ORG-5] the list offers each viewer only the changes they may make", async () => {
    const db = getDb();
    const { org, users } = await team();
    const asBruno = await listMembers(db, asUser(users.bruno.id), { orgId: org.id });
    expect(asBruno.viewer.assignableRoles).toEqual(["ADMINISTRATOR", "USER", "EXTERNAL"]);
    const flags = Object.fromEntries(asBruno.items.map((i) => [i.name ?? "invitation", [i.canChangeRole, i.canRemove]]));
    expect(flags).toEqual({
      "Alice Martin": [false, false],
      "Bruno Keller": [true, false],
      "Carla Rossi": [true, true],
      "Dario 100%_Bianchi": [true, true],
      "Eva Zur": [true, true],
      invitation: [false, false],
    });
    const asAlice = await listMembers(db, asUser(users.alice.id), { orgId: org.id });
    expect(asAlice.viewer.assignableRoles).toEqual(["LEGAL_REPRESENTATIVE", "ADMINISTRATOR", "USER", "EXTERNAL"]);
  });
});

describe("removing users and leaving (ORG-4)", () => {
  test("[ORG-4] removes several users at once and records each removal", async () => {
    const db = getDb();
    const { org, users, m } = await team();
    await expect(removeMembers(db, asUser(users.bruno.id), { orgId: org.id, membershipIds: [m.carla, m.dario] })).resolves.toEqual({ removed: 2 });
    const left = await db.membership.findMany({ where: { orgId: org.id }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([m.alice, m.bruno, m.eva].sort());
    expect(await db.teamMember.count({ where: { membershipId: m.carla } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "membership.removed" } })).toBe(2);
    // Removed users no longer land in this Organization after signing in (ACC-6).
    expect((await db.user.findUniqueOrThrow({ where: { id: users.carla.id } })).lastOrgId).toBeNull();
  });

  test("[ORG-4] a bulk removal is all or nothing: an outranking member or another tenant's id refuses the whole batch", async () => {
    const db = getDb();
    const { org, users, m } = await team();
    const other = await createOrganization(db);
    const bruno = asUser(users.bruno.id);
    await expect(removeMembers(db, bruno, { orgId: org.id, membershipIds: [m.carla, m.alice] })).rejects.toMatchObject({ code: "FORBIDDEN", message: "errors.memberOutranksYou" });
    await expect(removeMembers(db, bruno, { orgId: org.id, membershipIds: [m.carla, other.legalRepresentativeMembershipId] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMembers(db, bruno, { orgId: org.id, membershipIds: [] })).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.membership.count({ where: { orgId: org.id } })).toBe(5);
    expect(await db.membership.count({ where: { orgId: other.id } })).toBe(1);
  });

  test("[ORG-4] any member, external users included, may leave on their own", async () => {
    const db = getDb();
    const { org, users, m } = await team();
    for (const who of [users.eva, users.carla, users.bruno]) {
      await expect(leaveOrganization(db, asUser(who.id), { orgId: org.id })).resolves.toEqual({ left: true });
    }
    expect((await db.membership.findMany({ where: { orgId: org.id } })).map((r) => r.id).sort()).toEqual([m.alice, m.dario].sort());
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "membership.left" } })).toBe(3);
  });
});

describe("who may do what on the users page (ORG-1)", () => {
  const ACTIONS = ["list", "changeRole", "remove", "leave"] as const;
  const NEEDS: Record<(typeof ACTIONS)[number], Action> = { list: "users.read", changeRole: "users.update", remove: "users.remove", leave: "org.read" };

  for (const who of ["USER", "ADMINISTRATOR", "EXTERNAL", "outsider"] as const) {
    test(`[ORG-1] ${who === "outsider" ? "an outsider gets NOT_FOUND for every action" : `a ${who} gets exactly what the role table says`}`, async () => {
      const db = getDb();
      const org = await createOrganization(db);
      const target = await addMember(db, org.id, (await createUser(db)).id, "USER");
      const actorUser = await createUser(db);
      if (who === "outsider") await createOrganization(db, { legalRepresentativeId: actorUser.id });
      else await addMember(db, org.id, actorUser.id, who);
      const actor = asUser(actorUser.id);
      const run = {
        list: () => listMembers(db, actor, { orgId: org.id }),
        changeRole: () => changeRole(db, actor, { orgId: org.id, membershipId: target.id, role: "EXTERNAL" }),
        remove: () => removeMembers(db, actor, { orgId: org.id, membershipIds: [target.id] }),
        // Last, since it ends the membership.
        leave: () => leaveOrganization(db, actor, { orgId: org.id }),
      };
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const action of ACTIONS) {
        outcome[action] = await run[action]().then(
          () => "allowed",
          (e: { code?: string }) => e.code ?? "error",
        );
        expected[action] = who === "outsider" ? "NOT_FOUND" : can(who, NEEDS[action]) ? "allowed" : "FORBIDDEN";
      }
      expect(outcome).toEqual(expected);
    });
  }
});
