import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { PARTNER_PERMISSIONS, ROLE_PERMISSIONS, STAFF_PERMISSIONS, type Action, type StaffAction } from "@/lib/access/permissions";
import { ACTOR_COUNT, createWorld, random, signedInContext, type ActorSpec } from "./authorization-matrix.fixtures";
import { discoverRoutes, fillRoute, ROUTES, type Outcome, type RouteDeclaration } from "./authorization-matrix.routes";

// Read when the file loads, so that the test's title can say how large the matrix is.
const routes = discoverRoutes();

/** What the server answered, in the matrix's words. */
function outcomeOf(res: APIResponse, baseURL: string): Outcome {
  const status = res.status();
  if (status >= 300 && status < 400) {
    const target = new URL(res.headers()["location"] ?? "", baseURL).pathname;
    return target === "/sign-in" || target.startsWith("/sign-in/") ? "signIn" : `redirect:${target}`;
  }
  if (status === 200) return "ok";
  if (status === 404) return "notFound";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 400 || status === 422) return "invalid";
  return `error:${status}`;
}

function mayAct(actor: ActorSpec, action: Action): boolean {
  if (!actor.inA) return false;
  return actor.inA.via === "membership" ? ROLE_PERMISSIONS[actor.inA.role].has(action) : PARTNER_PERMISSIONS[actor.inA.access].has(action);
}

/** The answers the declaration and the permission tables allow for this actor (any one of them passes). */
function expected(decl: RouteDeclaration, actor: ActorSpec, segments: Record<string, string>): Outcome[] {
  const allowed = decl.allowed ? [fillRoute(decl.allowed, segments) as Outcome] : ["ok" as const];
  const signedIn = actor.email !== null;
  const [kind, name] = decl.requires.split(":") as [string, string | undefined];
  switch (kind) {
    case "public":
      return allowed;
    case "link":
      return decl.answers ?? ["ok", "notFound"];
    case "guest":
      return signedIn ? ["redirect:/"] : allowed;
  }
  if (!signedIn) return [decl.anonymous ?? "signIn"];
  switch (kind) {
    case "secondStep":
      return ["redirect:/"];
    case "signedIn":
      return allowed;
    case "noOrganization":
      return actor.member ? ["redirect:/"] : allowed;
    case "partner":
      return actor.partnerMember ? allowed : ["notFound"];
    case "member":
      return actor.inA?.via === "membership" && ROLE_PERMISSIONS[actor.inA.role].has(name as Action) ? allowed : actor.inA?.via === "membership" ? (decl.denied ?? ["notFound"]) : ["notFound"];
    case "partnerOrg":
      return actor.inFullPartner ? (ROLE_PERMISSIONS[actor.inFullPartner].has(name as Action) ? allowed : (decl.denied ?? ["notFound"])) : ["notFound"];
    case "org":
      // Only members and active partners act in A; staff's own session is no way in (SUP-3).
      return mayAct(actor, name as Action) ? allowed : actor.inA ? (decl.denied ?? ["notFound"]) : ["notFound"];
    case "staff":
      return actor.staffRole && STAFF_PERMISSIONS[actor.staffRole].has(name as StaffAction) ? allowed : ["notFound"];
  }
  throw new Error(`Unknown requirement ${decl.requires}`);
}

function matches(actual: Outcome, accepted: Outcome[]): boolean {
  return accepted.some((e) => e === actual || (e === "redirect" && actual.startsWith("redirect:")));
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

function send(context: APIRequestContext, decl: RouteDeclaration, url: string) {
  return decl.method === "POST" ? context.post(url, { maxRedirects: 0, multipart: {} }) : context.get(url, { maxRedirects: 0 });
}

test(`[ORG-1] [PRT-3] [SUP-3] authorization matrix: ${routes.length} routes × ${ACTOR_COUNT} actors`, async ({ playwright, baseURL }) => {
  test.setTimeout(600_000);
  // Every route has a declaration, and every declaration a route.
  const undeclared = routes.filter((r) => !ROUTES[r]);
  const stale = Object.keys(ROUTES).filter((r) => !routes.includes(r));
  expect(undeclared, "routes without a declaration in authorization-matrix.routes.ts").toEqual([]);
  expect(stale, "declarations of routes that no longer exist").toEqual([]);

  const world = await createWorld();
  expect(world.actors).toHaveLength(ACTOR_COUNT);
  const contexts = await Promise.all(world.actors.map((a) => signedInContext(playwright, baseURL!, a.email)));
  const cells = world.actors.flatMap((actor, i) => routes.map((route) => ({ actor, context: contexts[i], route })));
  const mismatches: string[] = [];
  await pool(cells, 4, async ({ actor, context, route }) => {
    const decl = ROUTES[route];
    const url = fillRoute(route, world.segments);
    const accepted = expected(decl, actor, world.segments);
    const actual = outcomeOf(await send(context, decl, url), baseURL!);
    if (!matches(actual, accepted)) mismatches.push(`${route} as ${actor.name}: expected ${accepted.join(" or ")}, got ${actual}`);
  });
  await Promise.all(contexts.map((c) => c.dispose()));
  expect(mismatches.sort(), `${mismatches.length} of ${cells.length} answers differ from the tables`).toEqual([]);
});

test("[ORG-1] [PRD-3] [IDV-2] another tenant's real ids, and objects one may not see, answer like a random id", async ({ playwright, baseURL }) => {
  test.setTimeout(300_000);
  const world = await createWorld();
  const who = (name: string) => world.actors.find((a) => a.name === name)!;
  const [lrA, lrB, user, limited, full, agent] = await Promise.all(
    ["A legal representative", "B legal representative", "A user", "partner LIMITED", "partner FULL", "support agent"].map((n) => signedInContext(playwright, baseURL!, who(n).email)),
  );
  const A = world.orgA;
  // Each line: who asks, a URL with a real id they may not see, and the same URL with a random id.
  const probes: [string, APIRequestContext, string, string][] = [];
  // B's legal representative in A's URLs, and A's legal representative with B's objects in A's URLs (the
  // Organization in the path is one they may open, the object is not of it) or in B's own URLs.
  for (const [name, context, org] of [["B legal representative", lrB, world.orgB], ["A legal representative", lrA, A]] as const) {
    const other = org === A ? world.orgB : A;
    probes.push(
      [name, context, `/${A}/products/${world.b.productId}`, `/${A}/products/${random(12)}`],
      [name, context, `/${A}/teams/${world.b.teamId}`, `/${A}/teams/${random(12)}`],
      [name, context, `/${A}/users/${world.b.membershipId}`, `/${A}/users/${random(12)}`],
      [name, context, `/${A}/mail/${world.b.mailboxId}`, `/${A}/mail/${random(12)}`],
      [name, context, `/${other}/dashboard`, `/${random(12)}/dashboard`],
      [name, context, `/${other}/products/export`, `/${random(12)}/products/export`],
      [name, context, `/${other}/tags/options`, `/${random(12)}/tags/options`],
      [name, context, `/backoffice/verifications/${world.segments.caseId}`, `/backoffice/verifications/${random(12)}`],
      [name, context, `/backoffice/verifications/${world.segments.caseId}/documents/${world.segments.documentId}`, `/backoffice/verifications/${world.segments.caseId}/documents/${random(12)}`],
    );
  }
  // PRD-3, PRT-3: a product of A granted to neither the user nor the limited partnership.
  probes.push(
    ["A user", user, `/${A}/products/${world.hiddenProduct}`, `/${A}/products/${random(12)}`],
    ["partner LIMITED", limited, `/${A}/products/${world.hiddenProduct}`, `/${A}/products/${random(12)}`],
    ["support agent", agent, `/${A}/dashboard`, `/${random(12)}/dashboard`],
  );
  const problems: string[] = [];
  await pool(probes, 4, async ([name, context, real, fake]) => {
    const [a, b] = await Promise.all([context.get(real, { maxRedirects: 0 }), context.get(fake, { maxRedirects: 0 })]);
    if (a.status() !== 404 || b.status() !== 404) problems.push(`${name}: ${real} → HTTP ${a.status()}, random id → HTTP ${b.status()} (both must be 404)`);
  });
  // The FULL partner sees every product of A (products.readAll): the same URL is a page for them.
  const fullView = await full.get(`/${A}/products/${world.hiddenProduct}`, { maxRedirects: 0 });
  if (fullView.status() !== 200) problems.push(`partner FULL: /${A}/products/${world.hiddenProduct} → HTTP ${fullView.status()} (expected 200)`);
  await Promise.all([lrA, lrB, user, limited, full, agent].map((c) => c.dispose()));
  expect(problems).toEqual([]);
});
