import type { Tx } from "@/lib/db";
import type { Product } from "@/lib/generated/prisma/client";
import { DAY, now } from "../lib/clock";

const at = (daysAgo: number) => new Date(now().getTime() - daysAgo * DAY);

/**
 * SUP-4: two demo support requests of Alpine Web — an open one of Anna's nobody has taken yet (the
 * queue is not empty) and a closed one of the legal representative's, answered by the supervisor.
 */
export async function seedSupportRequests(tx: Tx, orgId: string, products: Map<string, Product>, userId: (email: string) => string) {
  await tx.supportRequest.create({
    data: {
      orgId,
      requesterId: userId("anna@example.com"),
      productId: (products.get("Web hosting alpine-web.ch") as Product).id,
      subject: "Contact form e-mails do not arrive",
      body: "Since yesterday the contact form of alpine-web.ch says “sent”, but nothing reaches contact@alpine-web.ch.",
      createdAt: at(1),
    },
  });
  const closed = await tx.supportRequest.create({
    data: {
      orgId,
      requesterId: userId("owner@example.com"),
      handlerId: userId("supervisor@example.com"),
      productId: (products.get("Mail alpine-web.ch") as Product).id,
      subject: "Spam filter too strict",
      body: "Invoices from our bank land in the spam folder.",
      status: "CLOSED",
      createdAt: at(20),
      closedAt: at(18),
    },
  });
  await tx.supportMessage.createMany({
    data: [
      { requestId: closed.id, authorId: userId("supervisor@example.com"), fromStaff: true, body: "We added your bank's sender to the allow list of the domain.", createdAt: at(19) },
      { requestId: closed.id, authorId: userId("owner@example.com"), fromStaff: false, body: "It works now, thank you.", createdAt: at(18) },
    ],
  });
}
