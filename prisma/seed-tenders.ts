import type { Tx } from "@/lib/db";
import { DAY, now } from "../lib/clock";
import { createProposal, createTender } from "../tests/factories";

/**
 * TND-1 … TND-3: open calls for tenders for the demo partner's reseller area — one already answered by
 * the demo partner. Marked as announced, so the extract job does not mail them on the first start.
 */
export async function seedTenders(tx: Tx, partnerId: string): Promise<void> {
  const at = (days: number) => new Date(now().getTime() + days * DAY);
  const { tender: shop } = await createTender(tx, {
    title: "Online shop for a bakery in Lausanne",
    description:
      "We are a family bakery with two shops in Lausanne. We would like a website with an online shop for orders to pick up, " +
      "e-mail addresses for the team and hosting in Switzerland. We have a logo and photos, no website yet.",
    budget: "CHF 6'000 – 8'000",
    contactName: "Claire Favre",
    contactEmail: "claire.favre@example.net",
    contactPhone: "+41 21 555 01 02",
    locale: "fr",
    validDays: 30,
    createdAt: at(-3),
  });
  await createTender(tx, {
    title: "Move 40 mailboxes from our old provider",
    description:
      "Our association has 40 mailboxes with an old provider. We are looking for a partner to move them, with their history, " +
      "and to train our volunteers. The change should happen over a weekend.",
    budget: null,
    contactName: "Marco Bernasconi",
    contactEmail: "marco.bernasconi@example.net",
    contactPhone: null,
    locale: "it",
    validDays: 45,
    createdAt: at(-1),
  });
  await createProposal(tx, {
    tenderId: shop.id,
    partnerId,
    message: "We build shops for local businesses: design, shop, mail and hosting, ready in six weeks, with a training afternoon.",
    priceMinor: 720_000,
    currency: "CHF",
  });
}
