import { expect, test } from "@playwright/test";
import { sql, uniqueEmail } from "../support/helpers";

const basic = (email: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}` });

test("[SEC-1] through the real server, a new X-Forwarded-For per try neither escapes the limit nor lands in the audit log", async ({ request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("spoof");
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await request.get("/api/tools/whoami", { headers: { ...basic(email, `wron-gggg-uess-${String(i).padStart(4, "0")}`), "X-Forwarded-For": `203.0.113.${i + 1}`, "X-Real-IP": `198.51.100.${i + 1}` } });
    statuses.push(res.status());
  }
  // Ten failures per e-mail and address: the eleventh is refused, since every try came from the same connection.
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses[10]).toBe(429);

  // A sign-in with a spoofed header is recorded with the connection's address.
  const form = await request.post("/api/auth/callback/credentials", {
    form: { email, password: "not the password", csrfToken: (await (await request.get("/api/auth/csrf")).json()).csrfToken },
    headers: { "X-Forwarded-For": "203.0.113.200" },
  });
  expect(form.status()).toBeLessThan(500);
  const rows = await sql<{ ip: string | null }>(`SELECT ip FROM "AuditLog" WHERE action = 'auth.signInFailed' AND metadata->>'email' = $1`, [email]);
  expect(rows.length).toBe(1);
  expect(rows[0].ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});
