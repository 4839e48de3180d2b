import { describe, expect, test } from "vitest";
import * as partnershipsLatest from "@/app/api/accounts/[account_id]/partnerships/route";
import * as partnerships from "@/app/api/[version]/accounts/[account_id]/partnerships/route";
import { getDb } from "@/lib/db";
import { roleAllowsScope } from "@/lib/api-tokens/scopes";
import { openApiDocument } from "@/lib/http/openapi";
import { listPartnerClients } from "@/lib/partners/list-clients";
import { addMember, createOrganization, createPartner, createPartnership, createProducts, createProposal, createRawApiToken, createTender, createUser } from "../factories";
import { call } from "./support/api";

type Body = {
  data: {
    partners: null | { id: string; access: string; payer: string; status: string; product_count: number | null; partner: { id: string; name: string } }[];
    as_partner: null | {
      partner_id: string;
      clients: { id: string; access: string; payer: string; status: string; product_count: number | null; client: { account_id: string; name: string } }[];
      tenders: null | { id: string; title: string; excerpt: string; answered: boolean }[];
    };
  };
};

const get = (orgId: string, token: string) => call(partnerships.GET, `/api/1/accounts/${orgId}/partnerships`, { token, params: { account_id: orgId } });

/**
 * A partner Organization that is also the client of another partner; its clients: one FULL (the partner
 * pays), one LIMITED with two products, one ended; an open call for tenders it answered and one it did not.
 */
async function world() {
  const db = getDb();
  const org = await createOrganization(db, { name: "Web Studio SA" });
  const partner = await createPartner(db, { orgId: org.id, displayName: "Web Studio" });
  const upstreamOrg = await createOrganization(db);
  const upstream = await createPartner(db, { orgId: upstreamOrg.id, displayName: "Upstream Partner" });
  const asClient = await createPartnership(db, { partnerId: upstream.id, clientOrgId: org.id, access: "FULL", payer: "CLIENT", status: "PENDING" });
  const full = await createOrganization(db, { name: "Alpha client" });
  const limited = await createOrganization(db, { name: "Beta client" });
  const ended = await createOrganization(db, { name: "Gamma client" });
  const products = await createProducts(db, [{ orgId: limited.id, name: "beta-1.ch" }, { orgId: limited.id, name: "beta-2.ch" }, { orgId: limited.id, name: "beta-3.ch" }]);
  const toFull = await createPartnership(db, { partnerId: partner.id, clientOrgId: full.id, access: "FULL", payer: "PARTNER" });
  const toLimited = await createPartnership(db, { partnerId: partner.id, clientOrgId: limited.id, access: "LIMITED", productIds: [products[0]!.id, products[1]!.id] });
  await createPartnership(db, { partnerId: partner.id, clientOrgId: ended.id, access: "FULL", status: "ENDED" });
  const answered = await createTender(db, { title: "Answered call", contactEmail: "secret-contact@example.test" });
  await createProposal(db, { tenderId: answered.tender.id, partnerId: partner.id });
  const open = await createTender(db, { title: "Open call", contactEmail: "other-secret@example.test" });
  const token = await createRawApiToken(db, { userId: org.legalRepresentativeId, orgIds: [org.id], scopes: ["partners:read"] });
  return { db, org, partner, upstream, asClient, full, limited, toFull, toLimited, answered: answered.tender, open: open.tender, token };
}

describe("REST: the partnerships of an Organization (PRT-2 … PRT-9, TND-2)", () => {
  test("[PRT-4] [PRT-9] [TND-2] GET /accounts/{id}/partnerships: its partners as a client; as a partner its active clients and the open calls as extracts, without contact details", async () => {
    const w = await world();
    const res = await get(w.org.id, w.token);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as Body;
    expect(body.data.partners).toEqual([expect.objectContaining({ id: w.asClient.id, access: "FULL", payer: "CLIENT", status: "PENDING", product_count: null, partner: expect.objectContaining({ id: w.upstream.id, name: "Upstream Partner" }) })]);
    expect(body.data.as_partner?.partner_id).toBe(w.partner.id);
    expect(body.data.as_partner?.clients).toEqual([
      expect.objectContaining({ id: w.toFull.id, access: "FULL", payer: "PARTNER", status: "ACTIVE", product_count: null, client: { account_id: w.full.id, name: "Alpha client" } }),
      expect.objectContaining({ id: w.toLimited.id, access: "LIMITED", payer: "CLIENT", status: "ACTIVE", product_count: 2, client: { account_id: w.limited.id, name: "Beta client" } }),
    ]);
    const tenders = body.data.as_partner?.tenders ?? [];
    expect(tenders.find((t) => t.id === w.answered.id)).toMatchObject({ title: "Answered call", answered: true });
    expect(tenders.find((t) => t.id === w.open.id)).toMatchObject({ title: "Open call", answered: false });
    // TND-2: the contact details are only in the reseller area.
    expect(text).not.toContain("secret-contact@example.test");
    expect(text).not.toContain("other-secret@example.test");
    // The unversioned path is the latest version.
    expect((await call(partnershipsLatest.GET, `/api/accounts/${w.org.id}/partnerships`, { token: w.token, params: { account_id: w.org.id } })).status).toBe(200);
    // A partner that stopped accepting calls for tenders lists none.
    await w.db.partner.update({ where: { id: w.partner.id }, data: { tendersOptIn: false } });
    expect(((await (await get(w.org.id, w.token)).json()) as Body).data.as_partner?.tenders).toBeNull();
  });

  test("[PRT-2] [API-6] an Organization that is no partner answers its partners only; a token without the scope is 403, an external user's 403, another Organization's 404", async () => {
    const w = await world();
    const plain = await createOrganization(w.db);
    const plainToken = await createRawApiToken(w.db, { userId: plain.legalRepresentativeId, orgIds: [plain.id], scopes: ["partners:read"] });
    const plainBody = (await (await get(plain.id, plainToken)).json()) as Body;
    expect(plainBody.data).toEqual({ partners: [], as_partner: null });

    const noScope = await createRawApiToken(w.db, { userId: w.org.legalRepresentativeId, orgIds: [w.org.id], scopes: ["accounts:read", "invoices:read"] });
    expect((await get(w.org.id, noScope)).status).toBe(403);
    const external = await createUser(w.db);
    await addMember(w.db, w.org.id, external.id, "EXTERNAL");
    const externalToken = await createRawApiToken(w.db, { userId: external.id, orgIds: [w.org.id], scopes: ["partners:read"] });
    expect((await get(w.org.id, externalToken)).status).toBe(403);
    // The partner's token in one of its clients: partners act through the console only.
    const intoClient = await createRawApiToken(w.db, { userId: w.org.legalRepresentativeId, orgIds: [w.full.id], scopes: ["partners:read"] });
    expect((await get(w.full.id, intoClient)).status).toBe(404);
    expect((await get(w.org.id, plainToken)).status).toBe(404);
  });

  test("[PRT-9] [PRT-4] a plain User of the partner reads through the API what the reseller area shows them: the clients assigned to them and the open calls, not the Organization's own partners", async () => {
    const w = await world();
    const assigned = await createUser(w.db);
    const membership = await addMember(w.db, w.org.id, assigned.id, "USER");
    await w.db.partnerManager.create({ data: { partnershipId: w.toLimited.id, membershipId: membership.id } });
    const unassigned = await createUser(w.db);
    await addMember(w.db, w.org.id, unassigned.id, "USER");
    // The User may give a token this scope (never more than their own rights).
    expect(roleAllowsScope("USER", "partners:read")).toBe(true);
    expect(roleAllowsScope("EXTERNAL", "partners:read")).toBe(false);

    const token = await createRawApiToken(w.db, { userId: assigned.id, orgIds: [w.org.id], scopes: ["partners:read"] });
    const res = await get(w.org.id, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.data.partners).toBeNull();
    expect(body.data.as_partner?.clients.map((c) => c.client.name)).toEqual(["Beta client"]);
    expect(body.data.as_partner?.tenders?.map((t) => t.id)).toEqual(expect.arrayContaining([w.answered.id, w.open.id]));
    // The reseller area shows the same person the same clients.
    const [group] = await listPartnerClients(w.db, { kind: "user", userId: assigned.id, sessionId: "s", staffRole: null });
    expect(group?.clients.map((c) => c.clientName)).toEqual(["Beta client"]);

    const other = await createRawApiToken(w.db, { userId: unassigned.id, orgIds: [w.org.id], scopes: ["partners:read"] });
    expect(((await (await get(w.org.id, other)).json()) as Body).data.as_partner?.clients).toEqual([]);
  });

  test("[API-3] the endpoint is in the OpenAPI document with the partners:read scope", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const op = doc.paths["/1/accounts/{account_id}/partnerships"]?.get;
    expect(op).toBeDefined();
    expect(JSON.stringify(op)).toContain("partners:read");
  });
});
