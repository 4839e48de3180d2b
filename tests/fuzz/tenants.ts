import type { Db } from "@/lib/db";
import { addMember, createInvoice, createOrder, createOrganization, createProducts, createTag, createTeam, createUser, grantProductAccess, tagProducts, unique } from "../factories";

/** An Organization with a row of every kind an entry point names by id, and those ids. */
export type FuzzTenant = { orgId: string; ownerId: string; memberUserId: string; ids: string[] };

export async function tenantWithRows(db: Db): Promise<FuzzTenant> {
  const org = await createOrganization(db);
  const orgId = org.id;
  const member = await addMember(db, orgId, (await createUser(db)).id, "USER");
  const products = await createProducts(db, [{ orgId, name: `${unique("fuzz")}.ch` }, { orgId, name: `${unique("fuzz")}.com` }]);
  const tag = await createTag(db, { orgId });
  await tagProducts(db, [{ productId: products[0].id, tagId: tag.id }]);
  const team = await createTeam(db, { orgId, membershipIds: [member.id], productIds: [products[1].id] });
  await grantProductAccess(db, { membershipId: member.id, productIds: [products[0].id], level: "MANAGE" });
  const invoice = await createInvoice(db, { org, status: "UNPAID" });
  const address = await db.billingAddress.create({ data: { orgId, label: unique("Office"), name: "Fuzz SA", street: "Rue 1", postalCode: "1000", city: "Lausanne", country: "CH" } });
  const order = await createOrder(db, { org, placedById: org.legalRepresentativeId });
  const payment = await db.payment.create({ data: { orgId, invoiceId: order.invoice.id, methodType: "CARD", amountMinor: order.totalMinor, currency: order.currency, idempotencyKey: unique("fuzz-payment") } });
  const invitation = await db.invitation.create({
    data: { orgId, email: `${unique("invitee")}@example.test`, role: "EXTERNAL", tokenHash: unique("fuzz-hash"), invitedById: org.legalRepresentativeId, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const ids = [orgId, org.legalRepresentativeMembershipId, member.id, member.userId, ...products.map((p) => p.id), tag.id, team.id, invoice.id, address.id, order.id, order.invoice.id, payment.id, invitation.id];
  return { orgId, ownerId: org.legalRepresentativeId, memberUserId: member.userId, ids };
}

type Column = { table: string; column: string };

async function columns(db: Db): Promise<Column[]> {
  return db.$queryRawUnsafe<Column[]>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'text' AND (column_name = 'id' OR column_name ~ '(Id|_id)$')
      ORDER BY table_name, column_name`,
  );
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A checksum of every row of an Organization, found without a list of tables: the rows whose text id
 * columns name the Organization, then those naming one of these rows (its products' tag links, access
 * grants…), and the user rows of its people. Any change to one of them changes the map.
 */
export async function organizationSnapshot(db: Db, orgId: string): Promise<Record<string, string>> {
  const cols = await columns(db);
  const fkCols = cols.filter((c) => c.column !== "id");
  const ids = new Set([orgId]);
  const users = new Set<string>();
  for (let hop = 0; hop < 2; hop++) {
    const values = [...ids];
    for (const c of fkCols) {
      const rows = await db.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(`SELECT to_jsonb(t) AS row FROM ${q(c.table)} t WHERE ${q(c.column)} = ANY($1::text[])`, values);
      for (const { row } of rows) {
        if (typeof row.id === "string") ids.add(row.id);
        if (typeof row.userId === "string") users.add(row.userId);
      }
    }
  }
  for (const u of users) ids.add(u);
  const values = [...ids];
  const out: Record<string, string> = {};
  for (const c of cols) {
    const [{ sum }] = await db.$queryRawUnsafe<{ sum: string | null }[]>(
      `SELECT md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)) AS sum FROM ${q(c.table)} t WHERE ${q(c.column)} = ANY($1::text[])`,
      values,
    );
    if (sum) out[`${c.table}.${c.column}`] = sum;
  }
  return out;
}
