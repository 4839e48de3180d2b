import { describe, expect, inject, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { clock, DAY, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { extractLinks, listCaughtMail, waitForMail } from "@/lib/dev/mailbox";
import { addPartner } from "@/lib/partners/add-partner";
import { acceptPartnerInvitation, refusePartnerInvitation } from "@/lib/partners/answer-partner-invitation";
import { changePayer } from "@/lib/partners/change-payer";
import { deletePartnerInvitation } from "@/lib/partners/delete-partner-invitation";
import { endPartnershipAsClient, endPartnershipAsPartner } from "@/lib/partners/end-partnership";
import { findPartnerInvitation } from "@/lib/partners/find-partner-invitation";
import { listPartnerClients } from "@/lib/partners/list-clients";
import { listPartnerships } from "@/lib/partners/list-partnerships";
import { resendPartnerInvitation } from "@/lib/partners/resend-partner-invitation";
import { searchPartners } from "@/lib/partners/search-partners";
import { listProducts } from "@/lib/products/list-products";
import { mapError } from "@/lib/http/map-error";
import { hashSecret } from "@/lib/security/tokens";
import { attachTag } from "@/lib/tags/attach-tag";
import { addMember, createOrganization, createPartner, createProducts, createUser, unique } from "../factories";

const asUser = (userId: string) => ({ kind: "user", userId, sessionId: "s", staffRole: null }) as const satisfies Actor;
const TIMEOUT = 60_000;

/**
 * A client (legal representative, administrator, plain user; three products) and an approved partner
 * Organization (legal representative, administrator, plain user) whose contact address is its own.
 */
async function setup() {
  const db = getDb();
  const clientOwner = await createUser(db, { firstName: "Clara", lastName: "Client", locale: "en" });
  const client = await createOrganization(db, { legalRepresentativeId: clientOwner.id, name: unique("Client SA") });
  const [clientAdmin, clientUser] = [await createUser(db), await createUser(db)];
  await addMember(db, client.id, clientAdmin.id, "ADMINISTRATOR");
  await addMember(db, client.id, clientUser.id, "USER");
  const products = await createProducts(db, [
    { orgId: client.id, name: unique("a-domain"), category: "domain" },
    { orgId: client.id, name: unique("b-hosting"), category: "hosting" },
    { orgId: client.id, name: unique("c-mail"), category: "mail" },
  ]);
  const partnerOwner = await createUser(db, { locale: "de" });
  const partnerOrg = await createOrganization(db, { legalRepresentativeId: partnerOwner.id, name: unique("Partner AG") });
  const [partnerAdmin, partnerUser] = [await createUser(db), await createUser(db)];
  await addMember(db, partnerOrg.id, partnerAdmin.id, "ADMINISTRATOR");
  await addMember(db, partnerOrg.id, partnerUser.id, "USER");
  const name = unique("Searchable Partners");
  const partner = await createPartner(db, { orgId: partnerOrg.id, displayName: name, contactEmail: `${unique("contact")}@partner.example` });
  return {
    db,
    client,
    products,
    partner,
    partnerOrg,
    owner: asUser(clientOwner.id),
    admin: asUser(clientAdmin.id),
    user: asUser(clientUser.id),
    partnerOwner: asUser(partnerOwner.id),
    partnerOwnerEmail: partnerOwner.email,
    partnerAdmin: asUser(partnerAdmin.id),
    partnerUser: asUser(partnerUser.id),
  };
}

/** The secret of the newest partner invitation mailed to `to`. */
async function linkFor(to: string, afterId?: number) {
  const mail = await waitForMail(inject("mailboxUrl"), { to, afterId, timeoutMs: 15_000 });
  const links = extractLinks(mail).filter((l) => l.includes("/partner-invitations/"));
  expect(links).toHaveLength(2);
  return { mail, token: new URL(links[0]).pathname.split("/partner-invitations/")[1], links };
}

type Ctx = Awaited<ReturnType<typeof setup>>;
async function invite(c: Ctx, opts: { access: "LIMITED"; productIds: string[] } | { access: "FULL"; payer: "CLIENT" | "PARTNER" }) {
  const { partnershipId } = await addPartner(c.db, c.owner, { orgId: c.client.id, partnerId: c.partner.id, ...opts });
  const { token, mail } = await linkFor(c.partner.contactEmail);
  return { partnershipId, token, mail };
}

/** What a call answers, as its error code would be mapped at any entry point ("ok" when it succeeded). */
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => mapError(e).code.toUpperCase());

describe("a client adds a partner (PRT-2, PRT-3)", () => {
  test("[PRT-2] only a legal representative searches and adds a partner; others are refused, outsiders do not find the Organization", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const q = c.partner.displayName.slice(0, 12);
    const found = await searchPartners(c.db, c.owner, { orgId: c.client.id, q });
    expect(found.map((p) => p.id)).toContain(c.partner.id);
    // By contact e-mail too.
    expect((await searchPartners(c.db, c.owner, { orgId: c.client.id, q: c.partner.contactEmail })).map((p) => p.id)).toEqual([c.partner.id]);

    const input = { orgId: c.client.id, partnerId: c.partner.id, access: "FULL" as const, payer: "CLIENT" as const };
    for (const someone of [c.admin, c.user]) {
      expect(await code(searchPartners(c.db, someone, { orgId: c.client.id, q }))).toBe("FORBIDDEN");
      expect(await code(addPartner(c.db, someone, input))).toBe("FORBIDDEN");
    }
    // The partner's own people (not members of the client) do not learn the Organization exists.
    expect(await code(addPartner(c.db, c.partnerOwner, input))).toBe("NOT_FOUND");
    expect(await c.db.partnership.count({ where: { clientOrgId: c.client.id } })).toBe(0);

    const { partnershipId } = await addPartner(c.db, c.owner, input);
    const row = await c.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ status: "PENDING", access: "FULL", payer: "CLIENT", invitedById: c.owner.userId });
    // A second invitation of the same partner while one is open is refused.
    expect(await code(addPartner(c.db, c.owner, input))).toBe("CONFLICT");
  });

  test("[PRT-3] limited access needs products of this Organization; full access needs who pays; both are stored", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const other = await createOrganization(c.db);
    const [foreign] = await createProducts(c.db, [{ orgId: other.id }]);
    const base = { orgId: c.client.id, partnerId: c.partner.id };
    expect(await code(addPartner(c.db, c.owner, { ...base, access: "LIMITED", productIds: [] }))).toBe("INVALID_INPUT");
    expect(await code(addPartner(c.db, c.owner, { ...base, access: "LIMITED", productIds: [foreign.id] }))).toBe("INVALID_INPUT");
    expect(await code(addPartner(c.db, c.owner, { ...base, access: "FULL" }))).toBe("INVALID_INPUT");
    expect(await code(addPartner(c.db, c.owner, { ...base, access: "LIMITED", productIds: [c.products[0].id, foreign.id] }))).toBe("INVALID_INPUT");
    expect(await c.db.partnership.count({ where: { clientOrgId: c.client.id } })).toBe(0);

    const limited = await addPartner(c.db, c.owner, { ...base, access: "LIMITED", productIds: [c.products[0].id, c.products[1].id], payer: "PARTNER" });
    const row = await c.db.partnership.findUniqueOrThrow({ where: { id: limited.partnershipId }, include: { products: true } });
    // Who pays is a full-access choice (PRT-5): limited access keeps the client paying.
    expect(row).toMatchObject({ access: "LIMITED", payer: "CLIENT" });
    expect(row.products.map((p) => p.productId).sort()).toEqual([c.products[0].id, c.products[1].id].sort());
  });

  test("[PRT-3] once accepted, a LIMITED partner sees exactly the granted products and FULL sees them all", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token } = await invite(c, { access: "LIMITED", productIds: [c.products[0].id, c.products[2].id] });
    await acceptPartnerInvitation(c.db, c.partnerOwner, { token });
    const seen = await listProducts(c.db, c.partnerOwner, { orgId: c.client.id });
    expect(seen.items.map((p) => p.id).sort()).toEqual([c.products[0].id, c.products[2].id].sort());

    const c2 = await setup();
    const full = await invite(c2, { access: "FULL", payer: "PARTNER" });
    await acceptPartnerInvitation(c2.db, c2.partnerAdmin, { token: full.token });
    expect((await listProducts(c2.db, c2.partnerOwner, { orgId: c2.client.id })).items).toHaveLength(3);
    expect(await c2.db.partnership.findUniqueOrThrow({ where: { id: full.partnershipId } })).toMatchObject({ payer: "PARTNER", status: "ACTIVE" });
  });
});

describe("the partner's answer (PRT-4)", () => {
  test("[PRT-4] the partner is e-mailed accept and refuse links whose secret is stored only hashed, valid 14 days", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { partnershipId, token, mail } = await invite(c, { access: "LIMITED", productIds: [c.products[0].id] });
    expect(mail.subject).toContain(c.client.name);
    const row = await c.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(14 * DAY - 60_000);
    // The partner Organization's legal representative is told too, in their language.
    const toOwner = await waitForMail(inject("mailboxUrl"), { to: c.partnerOwnerEmail, timeoutMs: 15_000 });
    expect(toOwner.subject).toContain("lädt Sie ein");
    const stored = await c.db.emailOutbox.findFirstOrThrow({ where: { toAddress: c.partner.contactEmail, template: "partnerInvitation" } });
    expect(stored.textBody).not.toContain(token);
  });

  test("[PRT-4] accepting needs a signed-in member of the partner who takes on clients; the link works once", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token, partnershipId } = await invite(c, { access: "LIMITED", productIds: [c.products[0].id, c.products[1].id] });
    expect(await findPartnerInvitation(c.db, token)).toMatchObject({ usable: true, clientName: c.client.name, access: "LIMITED", productCount: 2 });
    expect(await code(acceptPartnerInvitation(c.db, c.owner, { token }))).toBe("FORBIDDEN");
    expect(await code(acceptPartnerInvitation(c.db, c.partnerUser, { token }))).toBe("FORBIDDEN");
    expect(await code(acceptPartnerInvitation(c.db, { kind: "anonymous" }, { token }))).toBe("UNAUTHENTICATED");
    expect(await code(requireAccess(c.db, c.partnerOwner, c.client.id, "products.read"))).toBe("NOT_FOUND");

    await expect(acceptPartnerInvitation(c.db, c.partnerOwner, { token })).resolves.toMatchObject({ clientOrgId: c.client.id });
    expect(await c.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).toMatchObject({ status: "ACTIVE", tokenHash: null });
    expect(await code(acceptPartnerInvitation(c.db, c.partnerAdmin, { token }))).toBe("NOT_FOUND");
    expect(await code(refusePartnerInvitation(c.db, c.partnerAdmin, { token }))).toBe("NOT_FOUND");
    expect(await findPartnerInvitation(c.db, token)).toEqual({ usable: false });

    // The reseller dashboard lists the client and the granted products.
    const [group] = await listPartnerClients(c.db, c.partnerOwner);
    expect(group.clients).toEqual([expect.objectContaining({ clientOrgId: c.client.id, access: "LIMITED", productCount: 2 })]);
    expect(await code(requireAccess(c.db, c.partnerOwner, c.client.id, "products.read"))).toBe("ok");
    // In the client's log, as done by the partner.
    const logged = await c.db.auditLog.findFirstOrThrow({ where: { orgId: c.client.id, action: "partnership.accepted" } });
    expect(logged).toMatchObject({ actorKind: "PARTNER", actorId: c.partnerOwner.userId, via: `partnership:${partnershipId}` });
  });

  test("[PRT-4] refusing with the link grants nothing and uses the link up", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token, partnershipId } = await invite(c, { access: "FULL", payer: "CLIENT" });
    await refusePartnerInvitation(c.db, { kind: "anonymous" }, { token });
    expect(await c.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).toMatchObject({ status: "REFUSED", tokenHash: null });
    expect(await code(acceptPartnerInvitation(c.db, c.partnerOwner, { token }))).toBe("NOT_FOUND");
    expect(await code(requireAccess(c.db, c.partnerOwner, c.client.id, "products.read"))).toBe("NOT_FOUND");
    const list = await listPartnerships(c.db, c.owner, { orgId: c.client.id });
    expect(list.history.map((p) => p.id)).toEqual([partnershipId]);
  });

  test("[PRT-4] the link expires after 14 days by the clock; resending replaces it; deleting withdraws it", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token, partnershipId } = await invite(c, { access: "FULL", payer: "CLIENT" });
    try {
      clock.set(new Date(now().getTime() + 14 * DAY + 60_000));
      expect(await findPartnerInvitation(c.db, token)).toEqual({ usable: false });
      expect(await code(acceptPartnerInvitation(c.db, c.partnerOwner, { token }))).toBe("NOT_FOUND");
      expect((await listPartnerships(c.db, c.owner, { orgId: c.client.id })).pending).toEqual([expect.objectContaining({ id: partnershipId, expired: true })]);

      const [last] = await listCaughtMail(inject("mailboxUrl"), { to: c.partner.contactEmail, limit: 1 });
      expect(await code(resendPartnerInvitation(c.db, c.admin, { orgId: c.client.id, partnershipId }))).toBe("FORBIDDEN");
      await resendPartnerInvitation(c.db, c.owner, { orgId: c.client.id, partnershipId });
      const { token: fresh } = await linkFor(c.partner.contactEmail, last.id);
      expect(fresh).not.toBe(token);
      expect(await findPartnerInvitation(c.db, fresh)).toMatchObject({ usable: true });
      expect(await findPartnerInvitation(c.db, token)).toEqual({ usable: false });

      expect(await code(deletePartnerInvitation(c.db, c.admin, { orgId: c.client.id, partnershipId }))).toBe("FORBIDDEN");
      await deletePartnerInvitation(c.db, c.owner, { orgId: c.client.id, partnershipId });
      expect(await c.db.partnership.count({ where: { id: partnershipId } })).toBe(0);
      expect(await code(acceptPartnerInvitation(c.db, c.partnerOwner, { token: fresh }))).toBe("NOT_FOUND");
    } finally {
      clock.reset();
    }
  });

  test("[PRT-4] accepting races deleting the same invitation: exactly one wins and the state matches it", { timeout: TIMEOUT }, async () => {
    for (let round = 0; round < 4; round++) {
      const c = await setup();
      const { token, partnershipId } = await invite(c, { access: "LIMITED", productIds: [c.products[0].id] });
      const [accepted, deleted] = await Promise.allSettled([
        acceptPartnerInvitation(c.db, c.partnerOwner, { token }),
        deletePartnerInvitation(c.db, c.owner, { orgId: c.client.id, partnershipId }),
      ]);
      const row = await c.db.partnership.findUnique({ where: { id: partnershipId } });
      const access = await code(requireAccess(c.db, c.partnerOwner, c.client.id, "products.read"));
      if (accepted.status === "fulfilled") {
        expect(deleted).toMatchObject({ status: "rejected", reason: { code: "CONFLICT" } });
        expect(row).toMatchObject({ status: "ACTIVE" });
        expect(access).toBe("ok");
      } else {
        expect(deleted.status).toBe("fulfilled");
        expect(accepted).toMatchObject({ status: "rejected", reason: { code: "NOT_FOUND" } });
        expect(row).toBeNull();
        expect(access).toBe("NOT_FOUND");
      }
    }
  });

  test("[PRT-4] a partner's person who was an external user of the client is upgraded, not duplicated", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    await addMember(c.db, c.client.id, c.partnerUser.userId, "EXTERNAL");
    const { token, partnershipId } = await invite(c, { access: "FULL", payer: "CLIENT" });
    await acceptPartnerInvitation(c.db, c.partnerOwner, { token });
    // No second way in: the external membership gave way to the partnership, to which they are assigned.
    expect(await c.db.membership.count({ where: { orgId: c.client.id, userId: c.partnerUser.userId } })).toBe(0);
    const partnerMembership = await c.db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: c.partnerOrg.id, userId: c.partnerUser.userId } } });
    expect(await c.db.partnerManager.count({ where: { partnershipId, membershipId: partnerMembership.id } })).toBe(1);
    await expect(requireAccess(c.db, c.partnerUser, c.client.id, "products.readAll")).resolves.toMatchObject({ via: "partnership" });
    expect(await c.db.auditLog.count({ where: { orgId: c.client.id, action: "partnership.externalUpgraded" } })).toBe(1);
  });
});

describe("after acceptance (PRT-6, PRT-7)", () => {
  test("[PRT-6] with full access the legal representative changes who pays and the partner is e-mailed; limited access has no payer", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token, partnershipId } = await invite(c, { access: "FULL", payer: "CLIENT" });
    await acceptPartnerInvitation(c.db, c.partnerOwner, { token });
    const input = { orgId: c.client.id, partnershipId, payer: "PARTNER" as const };
    expect(await code(changePayer(c.db, c.admin, input))).toBe("FORBIDDEN");
    // The partner acts in the client, but never on its partners.
    expect(await code(changePayer(c.db, c.partnerOwner, input))).toBe("FORBIDDEN");
    await changePayer(c.db, c.owner, input);
    expect(await c.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).toMatchObject({ payer: "PARTNER" });
    const mail = await waitForMail(inject("mailboxUrl"), { to: c.partner.contactEmail, subjectIncludes: "changed who pays", timeoutMs: 15_000 });
    expect(mail.text).toContain(c.client.name);
    expect(await c.db.auditLog.count({ where: { orgId: c.client.id, action: "partnership.payerChanged" } })).toBe(1);

    const c2 = await setup();
    const limited = await invite(c2, { access: "LIMITED", productIds: [c2.products[0].id] });
    expect(await code(changePayer(c2.db, c2.owner, { orgId: c2.client.id, partnershipId: limited.partnershipId, payer: "PARTNER" }))).toBe("INVALID_INPUT");
  });

  test("[PRT-7] the client ends the partnership: the partner's next request is NOT_FOUND", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token, partnershipId } = await invite(c, { access: "LIMITED", productIds: [c.products[0].id] });
    await acceptPartnerInvitation(c.db, c.partnerOwner, { token });
    expect((await listProducts(c.db, c.partnerOwner, { orgId: c.client.id })).items).toHaveLength(1);
    expect(await code(endPartnershipAsClient(c.db, c.admin, { orgId: c.client.id, partnershipId }))).toBe("FORBIDDEN");
    await endPartnershipAsClient(c.db, c.owner, { orgId: c.client.id, partnershipId });
    expect(await code(listProducts(c.db, c.partnerOwner, { orgId: c.client.id }))).toBe("NOT_FOUND");
    expect(await code(attachTag(c.db, c.partnerOwner, { orgId: c.client.id, productIds: [c.products[0].id], name: "late" }))).toBe("NOT_FOUND");
    expect(await listPartnerClients(c.db, c.partnerOwner)).toEqual([expect.objectContaining({ clients: [] })]);
    expect(await code(endPartnershipAsClient(c.db, c.owner, { orgId: c.client.id, partnershipId }))).toBe("CONFLICT");
    await waitForMail(inject("mailboxUrl"), { to: c.partner.contactEmail, subjectIncludes: "has ended", timeoutMs: 15_000 });
  });

  test("[PRT-7] the partner ends it from its side: only who takes on clients may, and access ends at once", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token, partnershipId } = await invite(c, { access: "FULL", payer: "CLIENT" });
    await acceptPartnerInvitation(c.db, c.partnerOwner, { token });
    expect(await code(endPartnershipAsPartner(c.db, c.partnerUser, { partnershipId }))).toBe("FORBIDDEN");
    expect(await code(endPartnershipAsPartner(c.db, c.user, { partnershipId }))).toBe("NOT_FOUND");
    await endPartnershipAsPartner(c.db, c.partnerAdmin, { partnershipId });
    expect(await code(requireAccess(c.db, c.partnerOwner, c.client.id, "products.read"))).toBe("NOT_FOUND");
    const ended = await c.db.auditLog.findFirstOrThrow({ where: { orgId: c.client.id, action: "partnership.ended" } });
    expect(ended.metadata).toEqual({ endedBy: "partner" });
  });

  test("[PRT-4] what the partner does in the client is in the client's activity log as done by the partner", { timeout: TIMEOUT }, async () => {
    const c = await setup();
    const { token, partnershipId } = await invite(c, { access: "LIMITED", productIds: [c.products[0].id, c.products[1].id] });
    await acceptPartnerInvitation(c.db, c.partnerOwner, { token });
    await attachTag(c.db, c.partnerOwner, { orgId: c.client.id, productIds: [c.products[0].id], name: "managed" });
    const row = await c.db.auditLog.findFirstOrThrow({ where: { orgId: c.client.id, action: "tag.attached" } });
    expect(row).toMatchObject({ actorKind: "PARTNER", actorId: c.partnerOwner.userId, via: `partnership:${partnershipId}` });
  });
});
