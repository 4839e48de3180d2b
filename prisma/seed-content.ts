import { DAY, now } from "../lib/clock";
import type { Tx } from "@/lib/db";
import type { Product } from "@/lib/generated/prisma/client";

const at = (daysAgo: number, hour = 9) => new Date(now().getTime() - daysAgo * DAY + hour * 3_600_000);

type MailSeed = { product: string; address: string; displayName: string; messages: [string, string, string, string, number][] };

// [from name, from address, subject, body, days ago]
const MAILBOXES: MailSeed[] = [
  {
    product: "Mail alpine-web.ch",
    address: "contact@alpine-web.ch",
    displayName: "Alpine Web — contact",
    messages: [
      ["Café du Lac", "cafe@example.com", "New menu on the website", "Hello,\n\nCould you put our winter menu online before Friday?\n\nThank you,\nCafé du Lac", 1],
      ["Boulangerie Rochat", "rochat@example.com", "Site is down?", "Good morning,\n\nOur website shows an error since this morning. Can you have a look?\n\nMarc Rochat", 2],
      ["Registry notices", "notices@registry.example", "Domain alpine-web.com expires soon", "The domain alpine-web.com expires in 9 days. Renew it to keep it.", 3],
      ["Anna Keller", "anna@example.com", "Mailbox quota", "The contact mailbox is at 92 % of its quota: shall we raise it?", 6],
    ],
  },
  {
    product: "Mail alpine-web.ch",
    address: "billing@alpine-web.ch",
    displayName: "Alpine Web — billing",
    messages: [["Accounting", "accounting@example.com", "Invoice 2026-0042", "Please find the invoice for November attached.", 4]],
  },
  {
    product: "Mail boulangerie-rochat.ch",
    address: "info@boulangerie-rochat.ch",
    displayName: "Boulangerie Rochat",
    messages: [["A customer", "client@example.com", "Order for Saturday", "Hello, I would like to order two loaves of rye bread for Saturday.", 1]],
  },
  {
    product: "Mail jean-martin.fr",
    address: "jean@jean-martin.fr",
    displayName: "Jean Martin",
    messages: [["Sophie Martin", "sophie@example.com", "Photos du week-end", "Coucou, voici le lien vers les photos du week-end.", 2]],
  },
];

// [drive product, folder path, files: [name, mime type, size in bytes, days ago]]
const FOLDERS: [string, string[], [string, string, number, number][]][] = [
  ["Drive Alpine Web", ["Clients"], []],
  ["Drive Alpine Web", ["Clients", "Café du Lac"], [["winter-menu.pdf", "application/pdf", 248_000, 1], ["logo.svg", "image/svg+xml", 12_400, 30]]],
  ["Drive Alpine Web", ["Clients", "Boulangerie Rochat"], [["contract-2026.pdf", "application/pdf", 180_500, 60]]],
  ["Drive Alpine Web", ["Administration"], [["price-list.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 32_000, 14]]],
  ["Drive Jean Martin", ["Photos"], [["plage.jpg", "image/jpeg", 2_400_000, 3], ["montagne.jpg", "image/jpeg", 3_100_000, 3]]],
];

// [chat product, channel, messages: [author, text, days ago]]
const CHANNELS: [string, string, [string, string, number][]][] = [
  ["Chat Alpine Web", "general", [["Anna Keller", "Good morning everyone!", 2], ["Luca Bianchi", "Morning! The Rochat site is back up.", 2], ["Anna Keller", "Thanks, I told Marc.", 1]]],
  ["Chat Alpine Web", "deployments", [["Luca Bianchi", "Deploying the Café du Lac menu page now.", 1], ["Luca Bianchi", "Done.", 1]]],
];

/** SUP-1: what the demo's mail, drive and chat products hold, for the read-only views and support access. */
export async function seedContent(tx: Tx, products: Map<string, Product>) {
  const productId = (name: string) => (products.get(name) as Product).id;
  for (const box of MAILBOXES) {
    await tx.mailbox.create({
      data: {
        productId: productId(box.product),
        address: box.address,
        displayName: box.displayName,
        messages: {
          create: box.messages.map(([fromName, fromAddress, subject, body, daysAgo]) => ({ fromName, fromAddress, toAddress: box.address, subject, body, receivedAt: at(daysAgo) })),
        },
      },
    });
  }
  const folderIds = new Map<string, string>();
  for (const [drive, path, files] of FOLDERS) {
    const key = `${drive}/${path.join("/")}`;
    const parentId = path.length > 1 ? folderIds.get(`${drive}/${path.slice(0, -1).join("/")}`) : null;
    const folder = await tx.driveFolder.create({
      data: {
        productId: productId(drive),
        parentId,
        name: path.at(-1)!,
        files: { create: files.map(([name, mimeType, sizeBytes, daysAgo]) => ({ name, mimeType, sizeBytes, updatedAt: at(daysAgo) })) },
      },
    });
    folderIds.set(key, folder.id);
  }
  for (const [chat, name, messages] of CHANNELS) {
    await tx.chatChannel.create({
      data: {
        productId: productId(chat),
        name,
        messages: { create: messages.map(([authorName, body, daysAgo], i) => ({ authorName, body, sentAt: at(daysAgo, 9 + i) })) },
      },
    });
  }
}
