import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { GET } from "@/app/(console)/[org]/activity/export/route";
import { listActivity } from "@/lib/audit/list-activity";
import { spreadsheetSafe } from "@/lib/csv/spreadsheet-csv";
import { getDb } from "@/lib/db";
import { signIn, signOut } from "./support/browser-session";
import { addMember, createOrganization, createUser } from "../factories";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);

beforeEach(signOut);

const get = (orgId: string, query = "") => GET(new Request(`http://localhost/${orgId}/activity/export${query}`), { params: Promise.resolve({ org: orgId }) });

/** The file as a spreadsheet reads it: the byte-order mark, then CSV rows; also the raw text. */
async function read(res: Response): Promise<{ rows: string[][]; text: string }> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  return { rows: parse(text, { bom: true }) as string[][], text };
}

const owner = (userId: string) => ({ kind: "user" as const, userId, sessionId: "s", staffRole: null });

describe("activity CSV export", () => {
  test("[ORG-1] exports every row of the filtered view across pages, newest first, with translated headers and ISO times", async () => {
    const db = getDb();
    const lea = await createUser(db, { firstName: "Lea", lastName: "Legal" });
    const org = await createOrganization(db, { legalRepresentativeId: lea.id });
    const base = Date.UTC(2026, 10, 1, 8);
    // 260 rows: the export reads 100 at a time; 130 are API-token rows, 65 of them in the "team" family.
    await db.auditLog.createMany({
      data: Array.from({ length: 260 }, (_, i) => ({
        orgId: org.id,
        actorKind: i % 2 ? ("API_TOKEN" as const) : ("USER" as const),
        actorId: i % 2 ? null : lea.id,
        action: i % 4 < 2 ? "team.created" : "tag.created",
        targetType: "team",
        at: new Date(base + Math.floor(i / 3) * 1000),
        ip: "198.51.100.7",
        metadata: { name: `row-${i}` },
      })),
    });
    await signIn(lea.id);

    const res = await get(org.id, "?actorKind=API_TOKEN&action=team");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="activity-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const { rows, text } = await read(res);
    const [header, ...data] = rows;
    expect(header).toEqual(["When", "Kind of actor", "Name", "E-mail", "What", "Target type", "Target", "IP address"]);
    expect(data).toHaveLength(65);
    // The same rows, in the same order, as the page shows them page after page.
    const listed: string[] = [];
    let before: string | undefined;
    do {
      const page = await listActivity(db, owner(lea.id), { orgId: org.id, actorKind: "API_TOKEN", action: "team", before, perPage: 20 });
      listed.push(...page.items.map((i) => `${i.at.toISOString()} ${i.targetLabel}`));
      before = page.nextCursor ?? undefined;
    } while (before);
    expect(data.map((r) => `${r[0]} ${r[6]}`)).toEqual(listed);
    expect(data[0]).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), "API token", "", "", "Team created", "Team", "row-257", "198.51.100.7"]);
    // Every cell is quoted, the header too (the decoder has dropped the byte-order mark).
    expect(text.split("\r\n")[0]).toBe('"When","Kind of actor","Name","E-mail","What","Target type","Target","IP address"');
  });

  test("[SEC-9] cells a spreadsheet would run as formulas are written as text, also after a semicolon", async () => {
    const db = getDb();
    const lea = await createUser(db, { firstName: "=Lea", lastName: "Legal" });
    const org = await createOrganization(db, { legalRepresentativeId: lea.id });
    const names = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "ok; =evil()", "plain;-x", "a, \"quoted\""];
    await db.auditLog.createMany({
      data: names.map((name, i) => ({ orgId: org.id, actorKind: "USER" as const, actorId: lea.id, action: "team.created", at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), metadata: { name } })),
    });
    await signIn(lea.id);
    const { rows } = await read(await get(org.id));
    const targets = rows.slice(1).map((r) => r[6]);
    expect(targets).toEqual(['\'=HYPERLINK("http://x")', "'+1+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR", "ok; '=evil()", "plain;'-x", 'a, "quoted"'].reverse());
    expect(rows.slice(1).every((r) => r[2] === "'=Lea Legal")).toBe(true);
    expect(spreadsheetSafe("2026-01-01T00:00:00.000Z")).toBe("2026-01-01T00:00:00.000Z");
  });

  test("[ORG-1] another Organization is 404, a user without audit.read 403, no session goes to sign-in; the reader's language", async () => {
    const db = getDb();
    const lea = await createUser(db, { locale: "fr" });
    const org = await createOrganization(db, { legalRepresentativeId: lea.id });
    await db.auditLog.create({ data: { orgId: org.id, actorKind: "SYSTEM", action: "team.created", metadata: { name: "secret-team" } } });
    const member = await createUser(db);
    await addMember(db, org.id, member.id, "USER");
    const outsider = await createUser(db);
    await createOrganization(db, { legalRepresentativeId: outsider.id });

    const anonymous = await get(org.id);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`http://localhost/sign-in?next=${encodeURIComponent(`/${org.id}/activity/export`)}`);

    await signIn(outsider.id);
    const foreign = await get(org.id);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("secret-team");

    await signIn(member.id);
    const refused = await get(org.id);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("secret-team");

    await signIn(lea.id);
    const { rows } = await read(await get(org.id, "?actorKind=SYSTEM"));
    expect(rows[0].slice(0, 2)).toEqual(["Quand", "Type d’auteur"]);
    expect(rows.slice(1).map((r) => [r[1], r[6]])).toEqual([["Système", "secret-team"]]);
  });
});
