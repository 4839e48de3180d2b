import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { GET } from "@/app/(console)/[org]/products/options/route";
import { grantTeamProductsAction } from "@/app/(console)/[org]/teams/actions";
import { updateMemberPermissionsAction } from "@/app/(console)/[org]/users/[membershipId]/actions";
import { inviteUserAction } from "@/app/(console)/[org]/users/invite/actions";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { PRODUCT_OPTIONS_LIMIT, type ProductOptionsPage } from "@/lib/products/list-product-options";
import { addMember, createOrganization, createProducts, createTeam, createUser, grantProductAccess, unique } from "../factories";

// The route and the actions read the session cookie through next/headers, which only exists inside a
// Next.js request: the browser's cookie jar is this variable; the session behind it is a real one.
const browser = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "manager.session" && browser.cookie ? { name, value: browser.cookie } : undefined) }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

beforeEach(() => {
  browser.cookie = undefined;
});

async function signIn(userId: string) {
  const { secret } = await createSession(getDb(), { userId, twoFactorPassed: true });
  browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
}

const get = (orgId: string, query = "") =>
  GET(new Request(`http://localhost/${orgId}/products/options${query}`), { params: Promise.resolve({ org: orgId }) });
const page = async (orgId: string, query = "") => {
  const res = await get(orgId, query);
  expect(res.status).toBe(200);
  return (await res.json()) as ProductOptionsPage;
};

/** An Organization with `count` domains named `prefix-000.example`…, plus a hosting and a terminated product. */
async function orgWithProducts(count: number) {
  const db = getDb();
  const owner = await createUser(db);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id, name: unique("Picker") });
  const key = unique("p").replace(/[^a-z0-9]/gi, "").toLowerCase();
  const domains = await createProducts(
    db,
    Array.from({ length: count }, (_, i) => ({ orgId: org.id, category: "domain" as const, name: `${key}-${String(i).padStart(3, "0")}.example` })),
  );
  const [hosting, terminated] = await createProducts(db, [
    { orgId: org.id, category: "hosting", name: `${key}-web-hosting` },
    { orgId: org.id, category: "domain", name: `${key}-gone.example`, status: "TERMINATED" },
  ]);
  return { db, org, owner, key, domains, hosting, terminated };
}

describe("GET /[org]/products/options (ORG-2, ORG-5, ORG-6)", () => {
  test("[ORG-2] pages by keyset through every grantable product, by name, never the terminated ones; never cached", async () => {
    const { org, owner, domains, hosting } = await orgWithProducts(60);
    await signIn(owner.id);
    const res = await get(org.id);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const first = (await res.json()) as ProductOptionsPage;
    expect(first.items).toHaveLength(PRODUCT_OPTIONS_LIMIT);
    expect(first).toMatchObject({ total: 61, capped: false, nextCursor: expect.any(String) });
    expect(first.items[0]).toEqual({ id: domains[0].id, name: domains[0].name, category: "domain" });

    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page(org.id, `?cursor=${cursor}`);
      seen.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(seen.map((p) => p.id)).toEqual([...domains.map((p) => p.id), hosting.id]);
    // A malformed cursor starts again from the first page rather than failing.
    expect((await page(org.id, "?cursor=not-a-cursor")).items[0].id).toBe(domains[0].id);
  });

  test("[ORG-2] searches by name (any case, wildcards literal) and filters by category", async () => {
    const { org, owner, key, domains, hosting } = await orgWithProducts(30);
    await signIn(owner.id);
    const found = await page(org.id, `?q=${key.toUpperCase()}-02`);
    expect(found.items.map((p) => p.name)).toEqual(domains.slice(20, 30).map((p) => p.name));
    expect(found).toMatchObject({ total: 10, nextCursor: null });
    expect((await page(org.id, "?q=%25")).total).toBe(0);
    expect(await page(org.id, "?category=hosting")).toEqual({ items: [{ id: hosting.id, name: hosting.name, category: "hosting" }], nextCursor: null, total: 1, capped: false });
    expect((await page(org.id, `?category=domain&q=${key}-01`)).total).toBe(10);
    expect((await page(org.id, "?category=chat")).items).toEqual([]);
  });

  test("[PRD-3] a user is offered only the products granted to them or their teams, and sees only those another member holds", async () => {
    const { db, org, domains, hosting } = await orgWithProducts(5);
    const user = await createUser(db);
    const membership = await addMember(db, org.id, user.id, "USER");
    const colleague = await addMember(db, org.id, (await createUser(db)).id, "USER");
    await grantProductAccess(db, { membershipId: membership.id, productIds: [domains[1].id] });
    await createTeam(db, { orgId: org.id, membershipIds: [membership.id, colleague.id], productIds: [hosting.id] });
    await grantProductAccess(db, { membershipId: colleague.id, productIds: [domains[1].id, domains[2].id] });

    await signIn(user.id);
    expect((await page(org.id)).items.map((p) => p.id)).toEqual([domains[1].id, hosting.id]);
    expect((await page(org.id, `?q=${domains[2].name}`)).total).toBe(0);
    // What the colleague holds directly, among what this user sees; and through their team.
    expect((await page(org.id, `?member=${colleague.id}`)).items.map((p) => p.id)).toEqual([domains[1].id]);
    expect((await page(org.id, `?member=${colleague.id}&held=teams`)).items.map((p) => p.id)).toEqual([hosting.id]);
  });

  test("[ORG-5] no session is 401; another Organization, its member or an unknown id is 404; bad input is 400", async () => {
    const { org, owner } = await orgWithProducts(2);
    const other = await orgWithProducts(2);
    const anonymous = await get(org.id);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");

    await signIn(owner.id);
    const foreign = await get(other.org.id);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: "not_found" });
    expect((await get("no-such-org")).status).toBe(404);
    const theirMember = (await getDb().membership.findFirstOrThrow({ where: { orgId: other.org.id } })).id;
    expect((await get(org.id, `?member=${theirMember}`)).status).toBe(404);
    expect((await get(org.id, `?q=${"x".repeat(101)}`)).status).toBe(400);
    expect((await get(org.id, "?member=x&held=everything")).status).toBe(400);
  });
});

const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) fd.append(name, v);
  return fd;
};

describe("the pickers' forms refuse a product the actor may not grant (ORG-2, ORG-5, ORG-6)", () => {
  test("[ORG-5] a forged product id in the invite, member and team forms is refused and nothing is written", async () => {
    const { db, org, owner, domains } = await orgWithProducts(2);
    const other = await orgWithProducts(1);
    const forged = other.domains[0].id;
    const member = await addMember(db, org.id, (await createUser(db)).id, "USER");
    const team = await createTeam(db, { orgId: org.id });
    await signIn(owner.id);

    const email = `${unique("forged")}@example.test`;
    const invited = await inviteUserAction(null, form({ orgId: org.id, email, role: "USER", productIds: [domains[0].id, forged] }));
    expect(invited).toMatchObject({ ok: false, fieldErrors: { productIds: "invitations.errors.unknownProduct" } });
    expect(await db.invitation.count({ where: { email } })).toBe(0);

    const updated = await updateMemberPermissionsAction(null, form({ orgId: org.id, membershipId: member.id, addProductIds: [domains[0].id, forged] }));
    expect(updated).toMatchObject({ ok: false });
    expect(await db.productAccess.count({ where: { membershipId: member.id } })).toBe(0);

    const granted = await grantTeamProductsAction(null, form({ orgId: org.id, teamId: team.id, productIds: [domains[0].id, forged] }));
    expect(granted).toMatchObject({ ok: false });
    expect(await db.productAccess.count({ where: { teamId: team.id } })).toBe(0);

    // The same forms with the actor's own products go through: the picker's field names are the ones read.
    expect(await updateMemberPermissionsAction(null, form({ orgId: org.id, membershipId: member.id, addProductIds: domains[0].id }))).toMatchObject({ ok: true });
    expect(await updateMemberPermissionsAction(null, form({ orgId: org.id, membershipId: member.id, addProductIds: domains[1].id, removeProductIds: domains[0].id }))).toMatchObject({
      ok: true,
    });
    expect((await db.productAccess.findMany({ where: { membershipId: member.id } })).map((a) => a.productId)).toEqual([domains[1].id]);
    expect(await grantTeamProductsAction(null, form({ orgId: org.id, teamId: team.id, productIds: domains[0].id }))).toMatchObject({ ok: true, data: { granted: 1 } });
  });

  test("[SEC-5] a search or cursor holding a NUL character is invalid input (400), not a database failure", async () => {
    const { org, owner } = await orgWithProducts(2);
    await signIn(owner.id);
    for (const query of ["?q=a%00b", "?cursor=%00", "?category=%00"]) {
      const res = await get(org.id, query);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toEqual({ error: "invalid_input" });
    }
  });
});
