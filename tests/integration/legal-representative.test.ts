import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changeRole } from "@/lib/members/change-role";
import { leaveOrganization } from "@/lib/members/leave-organization";
import { removeMembers } from "@/lib/members/remove-members";
import { addMember, addMembers, createOrganization, createUser, createUsers } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });
const LAST_LR = { code: "CONFLICT", message: "errors.lastLegalRepresentative" };

async function legalRepresentativeCount(orgId: string): Promise<number> {
  const [{ n }] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Membership" WHERE "orgId" = ${orgId} AND role = 'LEGAL_REPRESENTATIVE'`;
  return n;
}

describe("the last legal representative (ORG-3)", () => {
  test("[ORG-3] the only legal representative cannot be removed, even in a bulk removal with others", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const user = await addMember(db, org.id, (await createUser(db)).id, "USER");
    const owner = asUser(org.legalRepresentativeId);
    await expect(removeMembers(db, owner, { orgId: org.id, membershipIds: [org.legalRepresentativeMembershipId] })).rejects.toMatchObject(LAST_LR);
    await expect(removeMembers(db, owner, { orgId: org.id, membershipIds: [user.id, org.legalRepresentativeMembershipId] })).rejects.toMatchObject(LAST_LR);
    // All or nothing: the other member is still there too.
    expect(await db.membership.count({ where: { orgId: org.id } })).toBe(2);
    expect(await legalRepresentativeCount(org.id)).toBe(1);
  });

  test("[ORG-3] the only legal representative cannot be demoted", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
      await expect(
        changeRole(db, asUser(org.legalRepresentativeId), { orgId: org.id, membershipId: org.legalRepresentativeMembershipId, role }),
      ).rejects.toMatchObject(LAST_LR);
    }
    expect(await legalRepresentativeCount(org.id)).toBe(1);
  });

  test("[ORG-3] the only legal representative cannot leave", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    await expect(leaveOrganization(db, asUser(org.legalRepresentativeId), { orgId: org.id })).rejects.toMatchObject(LAST_LR);
    expect(await legalRepresentativeCount(org.id)).toBe(1);
  });

  test("[ORG-3] the refusal is a conflict whose message exists in every language", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const err = await leaveOrganization(db, asUser(org.legalRepresentativeId), { orgId: org.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    for (const locale of ["en", "fr", "de", "it"]) {
      const messages = (await import(`@/lib/i18n/messages/${locale}.json`)).default as { errors: Record<string, string> };
      expect(messages.errors.lastLegalRepresentative, locale).toMatch(/\S/);
    }
  });

  test("[ORG-3] replacing by promotion: appoint an existing user legal representative, then remove the former one", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const admin = await createUser(db);
    const adminMembership = await addMember(db, org.id, admin.id, "ADMINISTRATOR");
    await changeRole(db, asUser(org.legalRepresentativeId), { orgId: org.id, membershipId: adminMembership.id, role: "LEGAL_REPRESENTATIVE" });
    await expect(removeMembers(db, asUser(admin.id), { orgId: org.id, membershipIds: [org.legalRepresentativeMembershipId] })).resolves.toEqual({ removed: 1 });
    const left = await db.membership.findMany({ where: { orgId: org.id } });
    expect(left.map((m) => [m.userId, m.role])).toEqual([[admin.id, "LEGAL_REPRESENTATIVE"]]);
    // The new legal representative is now the last one and is protected in turn.
    await expect(leaveOrganization(db, asUser(admin.id), { orgId: org.id })).rejects.toMatchObject(LAST_LR);
  });

  test("[ORG-3] replacing by addition: a new legal representative joins, then the former one leaves or is demoted", async () => {
    const db = getDb();
    const org = await createOrganization(db);
    const successor = await createUser(db);
    await addMember(db, org.id, successor.id, "LEGAL_REPRESENTATIVE");
    await expect(leaveOrganization(db, asUser(org.legalRepresentativeId), { orgId: org.id })).resolves.toEqual({ left: true });
    expect(await legalRepresentativeCount(org.id)).toBe(1);

    const other = await createOrganization(db);
    const next = await addMember(db, other.id, (await createUser(db)).id, "LEGAL_REPRESENTATIVE");
    await changeRole(db, asUser(other.legalRepresentativeId), { orgId: other.id, membershipId: other.legalRepresentativeMembershipId, role: "ADMINISTRATOR" });
    const roles = await db.membership.findMany({ where: { orgId: other.id }, select: { id: true, role: true }, orderBy: { role: "asc" } });
    expect(roles).toEqual(
      expect.arrayContaining([
        { id: next.id, role: "LEGAL_REPRESENTATIVE" },
        { id: other.legalRepresentativeMembershipId, role: "ADMINISTRATOR" },
      ]),
    );
  });

  test("[ORG-3] under concurrent removals, demotions and departures the Organization never loses its last legal representative", async () => {
    const db = getDb();
    for (let round = 0; round < 5; round++) {
      const org = await createOrganization(db);
      const [b, c] = await createUsers(db, [{}, {}]);
      const [mb, mc] = await addMembers(db, org.id, [
        { userId: b.id, role: "LEGAL_REPRESENTATIVE" },
        { userId: c.id, role: "LEGAL_REPRESENTATIVE" },
      ]);
      const reps = [
        { userId: org.legalRepresentativeId, membershipId: org.legalRepresentativeMembershipId },
        { userId: b.id, membershipId: mb.id },
        { userId: c.id, membershipId: mc.id },
      ];
      type Op = { label: string; actor: string; targets: string[]; run: () => Promise<unknown> };
      const ops: Op[] = [];
      for (const me of reps) {
        const others = reps.filter((r) => r !== me);
        ops.push({ label: "leave", actor: me.membershipId, targets: [me.membershipId], run: () => leaveOrganization(db, asUser(me.userId), { orgId: org.id }) });
        ops.push({
          label: "demote self",
          actor: me.membershipId,
          targets: [me.membershipId],
          run: () => changeRole(db, asUser(me.userId), { orgId: org.id, membershipId: me.membershipId, role: "ADMINISTRATOR" }),
        });
        ops.push({
          label: "remove both others",
          actor: me.membershipId,
          targets: others.map((o) => o.membershipId),
          run: () => removeMembers(db, asUser(me.userId), { orgId: org.id, membershipIds: others.map((o) => o.membershipId) }),
        });
        for (const other of others) {
          ops.push({
            label: "remove other",
            actor: me.membershipId,
            targets: [other.membershipId],
            run: () => removeMembers(db, asUser(me.userId), { orgId: org.id, membershipIds: [other.membershipId] }),
          });
          ops.push({
            label: "demote other",
            actor: me.membershipId,
            targets: [other.membershipId],
            run: () => changeRole(db, asUser(me.userId), { orgId: org.id, membershipId: other.membershipId, role: "USER" }),
          });
        }
      }
      expect(ops.length).toBeGreaterThanOrEqual(20);
      // A different interleaving each round.
      ops.sort(() => Math.random() - 0.5);

      const results = await Promise.allSettled(ops.map((op) => op.run()));

      expect(await legalRepresentativeCount(org.id), `round ${round}`).toBeGreaterThanOrEqual(1);
      const after = new Map(
        (await db.membership.findMany({ where: { orgId: org.id }, select: { id: true, role: true } })).map((m) => [m.id, m.role]),
      );
      const refusals = results.flatMap((r, i) => (r.status === "rejected" ? [{ op: ops[i], err: r.reason as unknown }] : []));
      for (const { op, err } of refusals) {
        // Never a 500: every refusal is an expected, translated AppError.
        expect(err, `${op.label}: ${String(err)}`).toBeInstanceOf(AppError);
        const e = err as AppError;
        if (e.code === "CONFLICT") {
          expect(e.message).toBe("errors.lastLegalRepresentative");
          continue;
        }
        // Any other refusal is explained by a call that committed first: the actor or a target was
        // removed (NOT_FOUND) or the actor was demoted and no longer outranks a legal representative.
        const gone = [op.actor, ...op.targets].some((id) => !after.has(id));
        const demoted = after.get(op.actor) !== "LEGAL_REPRESENTATIVE";
        if (e.code === "NOT_FOUND") expect(gone, `${op.label} NOT_FOUND`).toBe(true);
        else if (e.code === "FORBIDDEN") expect(demoted || gone, `${op.label} FORBIDDEN`).toBe(true);
        else throw new Error(`unexpected refusal ${e.code} for ${op.label}`);
      }
      // The race really happened: some calls won, and at least one was refused by ORG-3 itself.
      expect(results.some((r) => r.status === "fulfilled")).toBe(true);
      expect(refusals.some(({ err }) => (err as AppError).code === "CONFLICT")).toBe(true);
    }
  });
});
