import { afterEach, describe, expect, test } from "vitest";
import { GET as feedRoute } from "@/app/(public)/feeds/renewals/[secret]/route";
import { createCalendarFeed } from "@/lib/calendar/create-calendar-feed";
import { getCalendarFeed } from "@/lib/calendar/get-calendar-feed";
import { revokeCalendarFeed } from "@/lib/calendar/revoke-calendar-feed";
import { clock, DAY } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { hashSecret } from "@/lib/security/tokens";
import { addMember, createOrganization, createProducts, createUser, grantProductAccess } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const db = getDb();
const T0 = new Date("2026-03-10T09:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

/** Reads the feed as a calendar app does: GET on the URL, no session, no cookie. */
async function read(url: string) {
  const path = new URL(url).pathname;
  const secret = decodeURIComponent(path.split("/").pop()!);
  const res = await feedRoute(new Request(url), { params: Promise.resolve({ secret }) });
  return { status: res.status, type: res.headers.get("content-type"), cache: res.headers.get("cache-control"), body: await res.text() };
}

/** Unfolds RFC 5545 lines (a CRLF followed by a space continues the line) and lists the events' properties. */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n /g, "").split("\r\n");
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const i = line.indexOf(":");
      current[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return out;
}

const summaries = (ics: string) => events(ics).map((e) => e.SUMMARY).sort();

describe("Renewal calendar feed (ICS)", () => {
  test("[BIL-10] the feed's secret URL serves text/calendar without a session: one all-day event per product expiry, on the person's calendar day, with a stable UID, folded and escaped as RFC 5545 says", async () => {
    clock.set(T0);
    const owner = await createUser(db, { locale: "en", timeZone: "Europe/Zurich" });
    const org = await createOrganization(db, { legalRepresentativeId: owner.id, name: "Feed Org" });
    const longName = `a-very-long-product-name-that-needs-folding-${"x".repeat(60)}.ch`;
    const [midnight, tricky, long] = await createProducts(db, [
      // Midnight in Zurich on 1 April is still 31 March in UTC: the event is on 1 April.
      { orgId: org.id, name: "midnight.ch", expiresAt: new Date("2026-03-31T22:00:00Z"), autoRenew: true },
      { orgId: org.id, name: "Mail; team, sales\\ops", expiresAt: at(20) },
      { orgId: org.id, name: longName, expiresAt: at(40) },
      { orgId: org.id, name: "terminated.ch", expiresAt: at(10), status: "TERMINATED" },
      { orgId: org.id, name: "long-gone.ch", expiresAt: at(-60) },
    ]);

    const { url } = await createCalendarFeed(db, asUser(owner.id));
    expect(url).toMatch(/\/feeds\/renewals\/[A-Za-z0-9_-]{40,}\.ics$/);
    const first = await read(url);
    expect(first).toMatchObject({ status: 200, type: "text/calendar; charset=utf-8", cache: "private, no-store" });
    expect(first.body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(first.body.endsWith("\r\nEND:VCALENDAR\r\n")).toBe(true);
    // Every line ends with CRLF and none is longer than 75 octets.
    expect(first.body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of first.body.split("\r\n").slice(0, -1)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const list = events(first.body);
    expect(list).toHaveLength(3); // terminated and long-expired products are left out
    const byUid = new Map(list.map((e) => [e.UID, e]));
    const host = new URL(url).hostname;
    expect(byUid.get(`renewal-${midnight.id}-20260401@${host}`)).toMatchObject({ "DTSTART;VALUE=DATE": "20260401", SUMMARY: "midnight.ch expires" });
    expect(byUid.get(`renewal-${midnight.id}-20260401@${host}`)!.DESCRIPTION).toContain("Automatic renewal: on");
    expect(byUid.get(`renewal-${tricky.id}-20260330@${host}`)!.SUMMARY).toBe("Mail\\; team\\, sales\\\\ops expires");
    expect(byUid.get(`renewal-${long.id}-20260419@${host}`)!.SUMMARY).toBe(`${longName} expires`);
    expect(byUid.get(`renewal-${long.id}-20260419@${host}`)!["URL;VALUE=URI"]).toContain(`/${org.id}/products/${long.id}`);

    // The same product and expiry keep their UID from one read to the next; a renewal makes a new event.
    clock.set(at(1));
    expect(events((await read(url)).body).map((e) => e.UID).sort()).toEqual([...byUid.keys()].sort());
    await db.product.update({ where: { id: tricky.id }, data: { expiresAt: at(385) } });
    const uids = events((await read(url)).body).map((e) => e.UID);
    expect(uids).toContain(`renewal-${tricky.id}-20270330@${host}`);
    expect(uids).not.toContain(`renewal-${tricky.id}-20260330@${host}`);
    expect(await getCalendarFeed(db, asUser(owner.id))).toMatchObject({ lastReadAt: at(1) });

    // In the person's language.
    await db.user.update({ where: { id: owner.id }, data: { locale: "fr" } });
    expect(summaries((await read(url)).body)).toContain("Échéance de midnight.ch");
  });

  test("[PRD-3] the feed shows only the products the person sees: a member limited by grants sees their granted products, in every Organization they belong to, never another Organization's", async () => {
    clock.set(T0);
    const person = await createUser(db);
    const shared = await createOrganization(db, { name: "Shared" });
    const mine = await createOrganization(db, { legalRepresentativeId: person.id, name: "Mine" });
    const stranger = await createOrganization(db, { name: "Stranger" });
    const membership = await addMember(db, shared.id, person.id, "USER");
    const [granted] = await createProducts(db, [
      { orgId: shared.id, name: "granted.ch", expiresAt: at(15) },
      { orgId: shared.id, name: "hidden.ch", expiresAt: at(16) },
      { orgId: mine.id, name: "own-1.ch", expiresAt: at(17) },
      { orgId: mine.id, name: "own-2.ch", expiresAt: at(18) },
      { orgId: stranger.id, name: "stranger.ch", expiresAt: at(19) },
    ]);
    await grantProductAccess(db, { membershipId: membership.id, productIds: [granted!.id] });

    const { url } = await createCalendarFeed(db, asUser(person.id));
    expect(summaries((await read(url)).body)).toEqual(["granted.ch expires", "own-1.ch expires", "own-2.ch expires"]);

    // Leaving an Organization takes its products out of the feed at once.
    await db.membership.delete({ where: { id: membership.id } });
    expect(summaries((await read(url)).body)).toEqual(["own-1.ch expires", "own-2.ch expires"]);
  });

  test("[BIL-10] the URL is a secret stored as its SHA-256 and shown once; regenerating kills the previous URL; a revoked, random or blocked person's URL answers 404; only the signed-in person manages it", async () => {
    clock.set(T0);
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    await createProducts(db, [{ orgId: org.id, name: "secret.ch", expiresAt: at(30) }]);
    const me = asUser(owner.id);

    const first = await createCalendarFeed(db, me);
    const secret = new URL(first.url).pathname.split("/").pop()!.replace(/\.ics$/, "");
    const row = await db.calendarFeed.findUniqueOrThrow({ where: { userId: owner.id } });
    expect(row.tokenHash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await getCalendarFeed(db, me)).toEqual({ createdAt: T0, lastReadAt: null });
    expect((await read(first.url)).status).toBe(200);

    const second = await createCalendarFeed(db, me);
    expect(second.url).not.toBe(first.url);
    expect(await db.calendarFeed.count({ where: { userId: owner.id } })).toBe(1);
    expect(await read(first.url)).toMatchObject({ status: 404, body: "Not found" });
    expect((await read(second.url)).status).toBe(200);

    expect(await revokeCalendarFeed(db, me)).toEqual({ revoked: true });
    expect((await read(second.url)).status).toBe(404);
    expect(await getCalendarFeed(db, me)).toBeNull();
    expect(await revokeCalendarFeed(db, me)).toEqual({ revoked: false });
    expect(await db.auditLog.count({ where: { actorId: owner.id, action: { startsWith: "calendarFeed." } } })).toBe(3);

    // Unknown, malformed or blocked: 404, never an error.
    for (const bad of ["x".repeat(43), "not a secret!", "%00", "a".repeat(500)]) {
      expect((await read(`http://localhost/feeds/renewals/${encodeURIComponent(bad)}.ics`)).status).toBe(404);
    }
    const third = await createCalendarFeed(db, me);
    await db.user.update({ where: { id: owner.id }, data: { blockedAt: T0 } });
    expect((await read(third.url)).status).toBe(404);

    // An API token is not the person: it cannot make or end a feed.
    const token = { kind: "token" as const, tokenId: "t", userId: owner.id, scopes: ["products:read"], orgIds: null };
    await expect(createCalendarFeed(db, token)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeCalendarFeed(db, token)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
