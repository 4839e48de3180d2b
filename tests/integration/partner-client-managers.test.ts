import { describe, expect, test } from "vitest";
import { requireAccess } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assignClients, listClientManagers } from "@/lib/partners/client-managers";
import { listPartnerClients } from "@/lib/partners/list-clients";
import { listProducts } from "@/lib/products/list-products";
import { addMember, createOrganization, createPartner, createPartnership, createProducts, createUser } from "../factories";
import { asUser } from "./support/api";

async function code(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

/** A partner with its legal representative, an administrator and two users, managing two clients. */
async function partnerWorld() {
  const db = getDb();
  const partnerOrg = await createOrganization(db);
  const partner = await createPartner(db, { orgId: partnerOrg.id });
  const [ana, bob, admin] = [await createUser(db), await createUser(db), await createUser(db)];
  const anaM = await addMember(db, partnerOrg.id, ana.id, "USER");
  const bobM = await addMember(db, partnerOrg.id, bob.id, "USER");
  const adminM = await addMember(db, partnerOrg.id, admin.id, "ADMINISTRATOR");
  const clientA = await createOrganization(db);
  const clientB = await createOrganization(db);
  await createProducts(db, [{ orgId: clientA.id }, { orgId: clientB.id }]);
  const toA = await createPartnership(db, { partnerId: partner.id, clientOrgId: clientA.id, access: "FULL" });
  const toB = await createPartnership(db, { partnerId: partner.id, clientOrgId: clientB.id, access: "FULL" });
  return { db, partnerOrg, partner, ana, bob, admin, anaM, bobM, adminM, clientA, clientB, toA, toB, lead: asUser(partnerOrg.legalRepresentativeId) };
}

describe("who of the partner manages which client (PRT-9)", () => {
  test("[PRT-9] an assigned user acts in that client only; an unassigned user gets NOT_FOUND in the client; unassigning ends access at once", async () => {
    const w = await partnerWorld();
    const { db } = w;
    // Before any assignment, users of the partner reach no client; its legal representative and administrators reach all.
    expect(await code(listProducts(db, asUser(w.ana.id), { orgId: w.clientA.id }))).toBe("NOT_FOUND");
    expect(await code(requireAccess(db, asUser(w.admin.id), w.clientB.id, "products.read"))).toBe("ok");
    expect(await code(requireAccess(db, w.lead, w.clientA.id, "products.read"))).toBe("ok");

    expect(await assignClients(db, w.lead, { partnerId: w.partner.id, membershipId: w.anaM.id, partnershipIds: [w.toA.id] })).toEqual({ added: 1, removed: 0 });
    expect((await listProducts(db, asUser(w.ana.id), { orgId: w.clientA.id })).items).toHaveLength(1);
    expect(await code(listProducts(db, asUser(w.ana.id), { orgId: w.clientB.id }))).toBe("NOT_FOUND");
    expect(await code(listProducts(db, asUser(w.bob.id), { orgId: w.clientA.id }))).toBe("NOT_FOUND");
    const [group] = await listPartnerClients(db, { kind: "user", userId: w.ana.id, sessionId: "s", staffRole: null });
    expect(group.clients.map((c) => c.clientOrgId)).toEqual([w.clientA.id]);
    expect(await db.auditLog.count({ where: { orgId: w.partnerOrg.id, action: "partner.clientsAssigned", targetId: w.anaM.id } })).toBe(1);

    // Reassigned to B instead of A: A is gone at once, B is reachable.
    expect(await assignClients(db, w.lead, { partnerId: w.partner.id, membershipId: w.anaM.id, partnershipIds: w.toB.id })).toEqual({ added: 1, removed: 1 });
    expect(await code(listProducts(db, asUser(w.ana.id), { orgId: w.clientA.id }))).toBe("NOT_FOUND");
    expect(await code(listProducts(db, asUser(w.ana.id), { orgId: w.clientB.id }))).toBe("ok");
    await assignClients(db, w.lead, { partnerId: w.partner.id, membershipId: w.anaM.id });
    expect(await code(listProducts(db, asUser(w.ana.id), { orgId: w.clientB.id }))).toBe("NOT_FOUND");
    expect(await db.partnerManager.count({ where: { membershipId: w.anaM.id } })).toBe(0);
  });

  test("[PRT-9] only the people's rights assign; roles that manage every client are not assigned; another partner's clients and people are NOT_FOUND", async () => {
    const w = await partnerWorld();
    const { db } = w;
    const other = await partnerWorld();
    // An administrator of the partner assigns too; a user may not.
    expect(await code(assignClients(db, asUser(w.admin.id), { partnerId: w.partner.id, membershipId: w.bobM.id, partnershipIds: [w.toA.id] }))).toBe("ok");
    expect(await code(assignClients(db, asUser(w.ana.id), { partnerId: w.partner.id, membershipId: w.anaM.id, partnershipIds: [w.toA.id, w.toB.id] }))).toBe("FORBIDDEN");
    expect(await code(assignClients(db, w.lead, { partnerId: w.partner.id, membershipId: w.adminM.id, partnershipIds: [w.toA.id] }))).toBe("CONFLICT");
    // Another partner's client, another partner's member, another partner altogether.
    expect(await code(assignClients(db, w.lead, { partnerId: w.partner.id, membershipId: w.anaM.id, partnershipIds: [w.toA.id, other.toA.id] }))).toBe("NOT_FOUND");
    expect(await code(assignClients(db, w.lead, { partnerId: w.partner.id, membershipId: other.anaM.id, partnershipIds: [w.toA.id] }))).toBe("NOT_FOUND");
    expect(await code(assignClients(db, w.lead, { partnerId: other.partner.id, membershipId: other.anaM.id, partnershipIds: [other.toA.id] }))).toBe("NOT_FOUND");
    expect(await db.partnerManager.count({ where: { membershipId: { in: [w.anaM.id, w.adminM.id, other.anaM.id] } } })).toBe(0);
    // An ended partnership cannot be assigned.
    await db.partnership.update({ where: { id: w.toB.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect(await code(assignClients(db, w.lead, { partnerId: w.partner.id, membershipId: w.anaM.id, partnershipIds: [w.toB.id] }))).toBe("NOT_FOUND");

    const list = await listClientManagers(db, asUser(w.ana.id), w.partner.id);
    expect(list.mayAssign).toBe(false);
    expect(list.clients.map((c) => c.id)).toEqual([w.toA.id]);
    expect(list.members.find((m) => m.membershipId === w.bobM.id)).toMatchObject({ seesAll: false, assigned: [w.toA.id] });
    expect(list.members.find((m) => m.membershipId === w.adminM.id)).toMatchObject({ seesAll: true });
    expect(await code(listClientManagers(db, asUser(other.ana.id), w.partner.id))).toBe("NOT_FOUND");
  });
});
