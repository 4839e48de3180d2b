import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../support/helpers";

test("[SEC-9] pages run only the scripts carrying their response's nonce: the app hydrates, an injected script does not run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/sign-in");
  const policy = response!.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];

  // Every script element of the document carries this response's nonce (the browser hides the value
  // from the attribute once the page is parsed; the `nonce` property keeps it).
  const nonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));

  // Hydrated: the sign-in form's client code answers a wrong password.
  await page.getByLabel("E-mail address").fill(uniqueEmail("csp"));
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("The e-mail address or the password is incorrect.");

  // What an injection into the page would be — an inline script and an inline event handler written into
  // the server's HTML, without the nonce — does not run; the browser reports the policy violation.
  await page.route("**/sign-in", async (route) => {
    const original = await route.fetch();
    const html = (await original.text()).replace(
      "</body>",
      `<script>window.__injected = "script"</script><img src="/not-there.png" alt="" onerror="window.__injected = 'handler'"></body>`,
    );
    await route.fulfill({ response: original, body: html });
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
});
