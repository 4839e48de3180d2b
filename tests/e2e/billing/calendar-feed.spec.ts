import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, msg, signIn } from "../support/helpers";

test("[BIL-10] a person creates their renewal calendar address once, a calendar app reads it without a session, and revoking it ends it", async ({ page, request }) => {
  // Luca (English) is a user of Alpine Web who sees only his team's products.
  await signIn(page, "luca@example.com", DEMO_PASSWORD);
  await page.goto("/account/calendar");
  await expect(page.getByTestId("calendar-feed-state")).toHaveText(msg("en", "calendarFeed.none"));
  await page.getByRole("button", { name: msg("en", "calendarFeed.generate") }).click();
  const field = page.getByTestId("calendar-feed-url");
  await expect(field).toHaveValue(/\/feeds\/renewals\/[A-Za-z0-9_-]+\.ics$/);
  const path = new URL(await field.inputValue()).pathname;

  // The `request` fixture carries no cookie: the secret alone opens the feed.
  const feed = await request.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT[\s\S]*END:VCALENDAR\r\n$/);

  // Shown once: after a reload the page only says that an address exists.
  await page.reload();
  await expect(page.getByTestId("calendar-feed-url")).toHaveCount(0);
  await page.getByRole("button", { name: msg("en", "calendarFeed.revoke") }).click();
  await page.getByRole("button", { name: msg("en", "calendarFeed.revokeYes"), exact: true }).click();
  await expect(page.getByText(msg("en", "calendarFeed.revoked"))).toBeVisible();
  expect((await request.get(path)).status()).toBe(404);
});
