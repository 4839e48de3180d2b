import { expect, test, type Page } from "@playwright/test";
import { createDb } from "@/lib/db";
import { createOrganization, createUsers } from "../../factories";
import { runtime, signIn, sql, uniqueEmail } from "../support/helpers";

const PASSWORD = "console-shell-e2e-password";

/**
 * The console's header and navigation are kept per person and version (lib/shell/shell-cache.ts) on each
 * instance. These pages are loaded through the suite's two instances, each step more than once so that
 * both answer it, and the memberships are changed straight in the database: the triggers, not the code
 * that usually writes them, must make every instance draw the shell again.
 */
async function twoPeople() {
  const db = createDb(runtime().databaseUrl);
  try {
    const [ann, ben] = await createUsers(db, [
      { email: uniqueEmail("shell-ann"), password: PASSWORD, firstName: "Annika", lastName: "Shellfirst" },
      { email: uniqueEmail("shell-ben"), password: PASSWORD, firstName: "Benedikt", lastName: "Shellsecond" },
    ]);
    const annOrg = await createOrganization(db, { name: `Ann Org ${ann.id.slice(-6)}`, legalRepresentativeId: ann.id });
    const benOrg = await createOrganization(db, { name: `Ben Org ${ben.id.slice(-6)}`, legalRepresentativeId: ben.id });
    return { ann, ben, annOrg, benOrg };
  } finally {
    await db.$disconnect();
  }
}

/** The names the Organization switcher lists (read from the markup, open or not). */
async function switcherNames(page: Page): Promise<string[]> {
  return (await page.getByTestId("org-switcher").locator("li span.font-medium").allTextContents()).map((s) => s.trim());
}

/** Loads `path` `times` times (the round-robin proxy sends them to every instance) and returns what each showed. */
async function everyInstance(page: Page, path: string, times = 4): Promise<{ status: number; names: string[]; menu: string }[]> {
  const seen = [];
  for (let i = 0; i < times; i++) {
    const response = await page.goto(path);
    const status = response?.status() ?? 0;
    seen.push({
      status,
      names: status === 200 ? await switcherNames(page) : [],
      menu: status === 200 ? ((await page.getByTestId("account-menu").textContent()) ?? "") : "",
    });
  }
  return seen;
}

test("[ACC-6] [ORG-4] the console shell follows a person's memberships at once on every instance and never shows another person's", async ({ browser }) => {
  // About forty page loads across the two instances: well within a minute on a quiet machine, not under load.
  test.setTimeout(180_000);
  const { ann, ben, annOrg, benOrg } = await twoPeople();
  const annPage = await (await browser.newContext()).newPage();
  const benPage = await (await browser.newContext()).newPage();
  await signIn(annPage, ann.email, PASSWORD);
  await signIn(benPage, ben.email, PASSWORD);

  // Each sees their own name and Organization only, however often the shell is drawn from the cache.
  for (const seen of await everyInstance(annPage, `/${annOrg.id}/dashboard`)) {
    expect(seen.names).toEqual([annOrg.name]);
    expect(seen.menu).toContain(ann.email);
    expect(seen.menu).not.toContain(ben.email);
  }
  for (const seen of await everyInstance(benPage, `/${benOrg.id}/dashboard`)) {
    expect(seen.names).toEqual([benOrg.name]);
    expect(seen.menu).toContain(ben.email);
    expect(seen.menu).not.toContain(ann.email);
  }
  expect((await everyInstance(annPage, `/${benOrg.id}/dashboard`, 2)).map((s) => s.status)).toEqual([404, 404]);

  // Ann joins Ben's Organization (as an accepted invitation would write it): listed and open at once.
  await sql(`INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'USER', now())`, [`shell-${ann.id}`, benOrg.id, ann.id]);
  for (const seen of await everyInstance(annPage, `/${benOrg.id}/dashboard`)) {
    expect(seen.status).toBe(200);
    expect([...seen.names].sort()).toEqual([annOrg.name, benOrg.name].sort());
    expect(seen.menu).toContain(ann.email);
  }
  // Ben's shell is unchanged by Ann's: his own name, his one Organization.
  for (const seen of await everyInstance(benPage, `/${benOrg.id}/dashboard`, 2)) {
    expect(seen.names).toEqual([benOrg.name]);
    expect(seen.menu).not.toContain(ann.email);
  }

  // Ben's Organization is renamed: both see the new name at once.
  const renamed = `${benOrg.name} renamed`;
  await sql(`UPDATE "Organization" SET name = $1 WHERE id = $2`, [renamed, benOrg.id]);
  for (const seen of await everyInstance(annPage, `/${annOrg.id}/dashboard`)) expect([...seen.names].sort()).toEqual([annOrg.name, renamed].sort());
  for (const seen of await everyInstance(benPage, `/${benOrg.id}/dashboard`, 2)) expect(seen.names).toEqual([renamed]);

  // Ann is removed: Ben's Organization is no longer listed, nor open to her, on any instance.
  await sql(`DELETE FROM "Membership" WHERE "orgId" = $1 AND "userId" = $2`, [benOrg.id, ann.id]);
  expect((await everyInstance(annPage, `/${benOrg.id}/dashboard`)).map((s) => s.status)).toEqual([404, 404, 404, 404]);
  for (const seen of await everyInstance(annPage, `/${annOrg.id}/dashboard`)) expect(seen.names).toEqual([annOrg.name]);
});
