import { expect, test } from "@playwright/test";

test("[infra] the public files: favicon, logo, robots.txt keeping crawlers out, security.txt", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  const logo = await request.get("/logo.svg");
  expect(logo.status()).toBe(200);
  expect(await logo.text()).toContain("<svg");

  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);

  const security = await request.get("/.well-known/security.txt");
  expect(security.status()).toBe(200);
  const text = await security.text();
  expect(text).toMatch(/^Contact: (mailto|https):/m);
  const expires = new Date(/^Expires: (.+)$/m.exec(text)![1]);
  expect(expires.getTime()).toBeGreaterThan(Date.now());
});
