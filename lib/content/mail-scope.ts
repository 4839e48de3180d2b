import type { OrgAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contentProductsWhere } from "./content-products";

/**
 * The mailboxes and messages an access may read: those of the mail products it may read (see
 * contentProductsWhere), plus — for support staff — single e-mails shared on their own (SUP-3), whose
 * mailbox then shows that message alone.
 */
export async function mailScope(tx: Tx, access: OrgAccess): Promise<{ mailbox: Prisma.MailboxWhereInput; message: Prisma.MailMessageWhereInput }> {
  const products = await contentProductsWhere(tx, access, "mail");
  const shared = access.via === "support" ? access.sharedMessageIds : [];
  const whole: Prisma.MailboxWhereInput = { product: products };
  if (shared.length === 0) return { mailbox: whole, message: { mailbox: whole } };
  const single: Prisma.MailMessageWhereInput = { id: { in: shared }, mailbox: { product: { orgId: access.orgId } } };
  return { mailbox: { OR: [whole, { messages: { some: single } }] }, message: { OR: [{ mailbox: whole }, single] } };
}
