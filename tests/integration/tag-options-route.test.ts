import { beforeEach, describe, expect, test, vi } from "vitest";
import { GET } from "@/app/(console)/[org]/tags/options/route";
import { getDb } from "@/lib/db";
import { signIn, signOut } from "./support/browser-session";
import { addMember, createOrganization, createTags, createUser } from "../factories";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);

beforeEach(signOut);

const get = (orgId: string, query = "") => GET(new Request(`http://localhost/${orgId}/tags/options${query}`), { params: Promise.resolve({ org: orgId }) });

async function orgWithTags(count: number) {
  const db = getDb();
  const owner = await createUser(db);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id });
  await createTags(db, Array.from({ length: count }, (_, i) => ({ orgId: org.id, name: `Tag ${String(i).padStart(2, "0")}` })));
  return { org, owner };
}

describe("GET /[org]/tags/options (TAG-2)", () => {
  test("[TAG-2] answers the first 50 tags, then those matching `q`, for a member; never cached", async () => {
    const { org, owner } = await orgWithTags(60);
    await signIn(owner.id);
    const first = await get(org.id);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    const body = (await first.json()) as { tags: { name: string }[]; complete: boolean };
    expect(body.tags).toHaveLength(50);
    expect(body.complete).toBe(false);
    expect(Object.keys(body).sort()).toEqual(["complete", "tags"]);
    const narrowed = (await (await get(org.id, "?q=TAG%205")).json()) as typeof body;
    expect(narrowed).toEqual({ complete: true, tags: Array.from({ length: 10 }, (_, i) => ({ id: expect.any(String), name: `Tag 5${i}`, color: "blue" })) });
  });

  test("[TAG-2] no session is 401; another Organization is 404; a query longer than a tag name is 400", async () => {
    const { org, owner } = await orgWithTags(3);
    const other = await orgWithTags(3);
    const anonymous = await get(org.id);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");

    await signIn(owner.id);
    const foreign = await get(other.org.id);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("cache-control")).toBe("private, no-store");
    expect(await foreign.json()).toEqual({ error: "not_found", message: "This item does not exist or you do not have access to it." });
    expect((await get("no-such-org")).status).toBe(404);

    const tooLong = await get(org.id, `?q=${"x".repeat(41)}`);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ error: "invalid_input", message: "Some fields need your attention.", fields: { q: "This value is too long." } });

    // An EXTERNAL member may read the tags of the Organization.
    const external = await createUser(getDb());
    await addMember(getDb(), org.id, external.id, "EXTERNAL");
    await signIn(external.id);
    expect((await get(org.id, "?q=tag")).status).toBe(200);
  });
});
