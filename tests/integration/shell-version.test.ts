import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { ShellCache, shellKey } from "@/lib/shell/shell-cache";
import { addMember, createOrganization, createPartner, createUser } from "../factories";

/**
 * The console shell is kept per person and `User.shellVersion` (lib/shell/shell-cache.ts); database
 * triggers raise the version with every change of what the shell shows, whatever code writes it. The
 * end-to-end proof through two instances is tests/e2e/foundation/console-shell.spec.ts.
 */
const db = getDb();
const versionOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { shellVersion: true } })).shellVersion;

describe("shell version", () => {
  test("[ACC-6] [ORG-4] joining, a role change and leaving raise the person's version; contact preferences do not", async () => {
    const org = await createOrganization(db);
    const user = await createUser(db);
    const other = await createUser(db);
    const before = await versionOf(user.id);
    const otherBefore = await versionOf(other.id);

    const membership = await addMember(db, org.id, user.id, "USER");
    const joined = await versionOf(user.id);
    expect(joined).toBeGreaterThan(before);

    await db.membership.update({ where: { id: membership.id }, data: { role: "ADMINISTRATOR" } });
    const promoted = await versionOf(user.id);
    expect(promoted).toBeGreaterThan(joined);

    await db.membership.update({ where: { id: membership.id }, data: { contactPrefs: ["TECHNICAL"] } });
    expect(await versionOf(user.id)).toBe(promoted);

    await db.membership.delete({ where: { id: membership.id } });
    expect(await versionOf(user.id)).toBeGreaterThan(promoted);
    // Nobody else's shell changed.
    expect(await versionOf(other.id)).toBe(otherBefore);
  });

  test("[ACC-6] renaming an Organization and its partner status raise every member's version, and no one else's", async () => {
    const org = await createOrganization(db);
    const member = await createUser(db);
    await addMember(db, org.id, member.id, "USER");
    const outsider = (await createOrganization(db)).legalRepresentativeId;
    const read = async () => Promise.all([versionOf(org.legalRepresentativeId), versionOf(member.id), versionOf(outsider)]);

    const start = await read();
    await db.organization.update({ where: { id: org.id }, data: { vatNumber: "CHE-116.281.710" } });
    expect(await read()).toEqual(start); // not shown in the shell

    await db.organization.update({ where: { id: org.id }, data: { name: "Renamed in one statement" } });
    const renamed = await read();
    expect(renamed[0]).toBeGreaterThan(start[0]);
    expect(renamed[1]).toBeGreaterThan(start[1]);
    expect(renamed[2]).toBe(start[2]);

    await createPartner(db, { orgId: org.id });
    const partner = await read();
    expect(partner[0]).toBeGreaterThan(renamed[0]);
    expect(partner[1]).toBeGreaterThan(renamed[1]);
    expect(partner[2]).toBe(start[2]);
  });

  test("[ACC-6] deleting an Organization raises its former members' versions", async () => {
    const org = await createOrganization(db);
    const before = await versionOf(org.legalRepresentativeId);
    await db.organization.delete({ where: { id: org.id } });
    expect(await versionOf(org.legalRepresentativeId)).toBeGreaterThan(before);
  });
});

describe("ShellCache", () => {
  test("[ACC-6] an entry is built once per key, a failed build is not kept, and the least recently used goes first", async () => {
    const cache = new ShellCache<string>(2);
    let builds = 0;
    const build = (value: string) => async () => {
      builds++;
      return value;
    };
    expect(await cache.get(shellKey("ann", 1), build("ann v1"))).toBe("ann v1");
    expect(await cache.get(shellKey("ann", 1), build("ignored"))).toBe("ann v1");
    expect(builds).toBe(1);
    // Another version of the same person is another entry: a change is never served from the old one.
    expect(await cache.get(shellKey("ann", 2), build("ann v2"))).toBe("ann v2");
    await expect(cache.get(shellKey("ben", 1), () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(cache.size).toBe(2);
    // "ann v1" was used least recently: a third entry replaces it.
    await cache.get(shellKey("ann", 2), build("ignored"));
    await cache.get(shellKey("ben", 1), build("ben v1"));
    expect(cache.size).toBe(2);
    expect(await cache.get(shellKey("ann", 1), build("ann v1 again"))).toBe("ann v1 again");
    expect(await cache.get(shellKey("ben", 1), build("ignored"))).toBe("ben v1");
  });

  test("[ACC-6] keys cannot be forged by a name that holds a separator", () => {
    expect(shellKey("a", "b,c")).not.toBe(shellKey("a,b", "c"));
    expect(shellKey("a:1", 2)).not.toBe(shellKey("a", "1:2"));
  });
});
