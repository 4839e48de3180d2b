import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { GET } from "@/app/(console)/[org]/products/export/route";
import { getDb } from "@/lib/db";
import { signIn, signOut } from "./support/browser-session";
import { listProducts } from "@/lib/products/list-products";
import { addMember, createOrganization, createProducts, createTags, createUser, grantProductAccess } from "../factories";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);

beforeEach(signOut);

const get = (orgId: string, query = "") =>
  GET(new Request(`http://localhost/${orgId}/products/export${query}`), { params: Promise.resolve({ org: orgId }) });

/** The file as a spreadsheet reads it: the byte-order mark, then CSV rows. */
async function rowsOf(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(new TextDecoder().decode(bytes)) as string[][];
}

describe("products CSV export (PRD-1)", () => {
  test("[PRD-1] exports every product of the filtered, sorted view across pages, in the list's order, quoted and formula-safe", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const [tag, formula] = await createTags(db, [{ orgId: org.id, name: "Client, \"A\"" }, { orgId: org.id, name: "=HYPERLINK(\"x\")" }]);
    // 230 products: the export reads them 100 at a time; 150 carry the tag.
    const products = await createProducts(
      db,
      Array.from({ length: 230 }, (_, i) => ({ orgId: org.id, name: `site-${String(i).padStart(3, "0")}.ch`, category: i % 2 ? ("domain" as const) : ("hosting" as const) })),
    );
    await db.productTag.createMany({ data: products.slice(0, 150).map((p) => ({ productId: p.id, tagId: tag.id })) });
    await db.productTag.create({ data: { productId: products[0].id, tagId: formula.id } });
    await signIn(owner.id);

    const res = await get(org.id, `?tagId=${tag.id}&sort=name&dir=desc`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const [header, ...rows] = await rowsOf(res);
    expect(header).toEqual(["ID", "Name", "Category", "Status", "Expiry", "Renewal period (months)", "Auto-renewal", "Tags"]);
    expect(rows).toHaveLength(150);
    // The same order as the list shows, page after page.
    const listed: string[] = [];
    let after: string | undefined;
    do {
      const page = await listProducts(db, { kind: "user", userId: owner.id, sessionId: "s", staffRole: null }, { orgId: org.id, tagId: tag.id, sort: "name", dir: "desc", after, perPage: 100 });
      listed.push(...page.items.map((p) => p.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(rows.map((r) => r[0])).toEqual(listed);
    const first = rows.find((r) => r[0] === products[0].id)!;
    expect(first).toEqual([products[0].id, "site-000.ch", "Web hosting", "Active", products[0].expiresAt.toISOString().slice(0, 10), "12", "No", expect.any(String)]);
    // The name with a comma and quotes survives quoting; the formula is written as text.
    expect(first[7].split("; ").sort()).toEqual(["'=HYPERLINK(\"x\")", "Client, \"A\""].sort());
  });

  test("[PRD-3] a user exports only the products granted to them, in their language; another Organization is 404; no session goes to sign-in", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const [mine, notMine] = await createProducts(db, [
      { orgId: org.id, name: "mine.ch" },
      { orgId: org.id, name: "not-mine.ch" },
    ]);
    const user = await createUser(db, { locale: "fr" });
    const membership = await addMember(db, org.id, user.id, "USER");
    await grantProductAccess(db, { productIds: [mine.id], membershipId: membership.id });
    const other = await createOrganization(db);

    expect((await get(org.id)).status).toBe(303);
    await signIn(user.id);
    const [header, ...rows] = await rowsOf(await get(org.id));
    expect(header[1]).toBe("Nom");
    expect(rows.map((r) => r[1])).toEqual(["mine.ch"]);
    expect(rows.flat()).not.toContain(notMine.id);
    const foreign = await get(other.id);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain(".ch");
  });
});
