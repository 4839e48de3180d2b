import { afterEach, describe, expect, test } from "vitest";
import type { StaffActor, UserActor } from "@/lib/access/actor";
import { listActiveGrants } from "@/lib/backoffice/active-grants";
import { clock, DAY, now } from "@/lib/clock";
import { listDrives } from "@/lib/content/list-drives";
import { listMailboxes } from "@/lib/content/list-mailboxes";
import { readChatChannel } from "@/lib/content/read-chat-channel";
import { readMailbox } from "@/lib/content/read-mailbox";
import { getDb, type Db } from "@/lib/db";
import { endExpiredGrants } from "@/lib/support/end-expired-grants";
import { listSupportAccess } from "@/lib/support/list-support-access";
import { revokeGrant } from "@/lib/support/revoke-grant";
import { setSupportAccess } from "@/lib/support/set-support-access";
import { shareMail } from "@/lib/support/share-mail";
import { addMember, createOrganization, createProducts, createStaffUser, createUser, grantProductAccess } from "../factories";

afterEach(() => clock.reset());

const asUser = (userId: string): UserActor => ({ kind: "user", userId, sessionId: "s", staffRole: null, ip: "192.0.2.1", userAgent: "test" });
const asStaff = (userId: string): StaffActor => ({ kind: "staff", userId, sessionId: "s", staffRole: "SUPPORT", ip: "192.0.2.9", userAgent: "back office" });
const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string }) => e.code ?? String(e));

/** An Organization with two mail products (one granted to a USER), a drive, a chat, an open request handled by an agent. */
async function world(db: Db) {
  const org = await createOrganization(db);
  const [mailA, mailB, drive, chat] = await createProducts(db, [
    { orgId: org.id, category: "mail", name: "Mail a.ch" },
    { orgId: org.id, category: "mail", name: "Mail b.ch" },
    { orgId: org.id, category: "drive", name: "Drive" },
    { orgId: org.id, category: "chat", name: "Chat" },
  ]);
  const boxA = await db.mailbox.create({
    data: {
      productId: mailA.id,
      address: "contact@a.ch",
      displayName: "A",
      messages: {
        create: [
          { fromName: "X", fromAddress: "x@example.com", toAddress: "contact@a.ch", subject: "First", body: "one", receivedAt: new Date(now().getTime() - DAY) },
          { fromName: "Y", fromAddress: "y@example.com", toAddress: "contact@a.ch", subject: "Second", body: "two", receivedAt: now() },
        ],
      },
    },
    include: { messages: { orderBy: { receivedAt: "asc" } } },
  });
  const boxB = await db.mailbox.create({ data: { productId: mailB.id, address: "contact@b.ch", displayName: "B" } });
  const folder = await db.driveFolder.create({ data: { productId: drive.id, name: "Docs" } });
  const channel = await db.chatChannel.create({ data: { productId: chat.id, name: "general", messages: { create: { authorName: "Z", body: "hi", sentAt: now() } } } });
  const user = await createUser(db);
  const userMembership = await addMember(db, org.id, user.id, "USER");
  await grantProductAccess(db, { membershipId: userMembership.id, productIds: [mailA.id, drive.id] });
  const agent = await createStaffUser(db, { staffRole: "SUPPORT" });
  const otherAgent = await createStaffUser(db, { staffRole: "SUPPORT" });
  await db.supportRequest.create({ data: { orgId: org.id, requesterId: org.legalRepresentativeId, handlerId: agent.id, subject: "Mail", body: "Please look", status: "IN_PROGRESS" } });
  return { org, owner: asUser(org.legalRepresentativeId), user: asUser(user.id), agent: asStaff(agent.id), otherAgent: asStaff(otherAgent.id), boxA, boxB, folder, channel };
}

describe("content and support access (SUP-1 … SUP-3)", () => {
  test("[SUP-1] [PRD-3] members read the content of the mail products they see; an external user reads none", async () => {
    const db = getDb();
    const w = await world(db);
    expect((await listMailboxes(db, w.owner, { orgId: w.org.id })).map((m) => m.address)).toEqual(["contact@a.ch", "contact@b.ch"]);
    expect((await listMailboxes(db, w.user, { orgId: w.org.id })).map((m) => m.address)).toEqual(["contact@a.ch"]);
    expect(await codeOf(readMailbox(db, w.user, { orgId: w.org.id, mailboxId: w.boxB.id }))).toBe("NOT_FOUND");
    const external = await createUser(db);
    await addMember(db, w.org.id, external.id, "EXTERNAL");
    expect(await codeOf(listMailboxes(db, asUser(external.id), { orgId: w.org.id }))).toBe("FORBIDDEN");
  });

  test("[SUP-1] [SUP-3] [SUP-4] a mail grant lets the staff handling the request read mail — only mail, only what the granter sees, only them — and each read is in the activity log", async () => {
    const db = getDb();
    const w = await world(db);
    expect(await codeOf(listMailboxes(db, w.agent, { orgId: w.org.id }))).toBe("NOT_FOUND");
    await setSupportAccess(db, w.user, { orgId: w.org.id, scope: "MAIL", enabled: true });
    // What the USER who granted sees: mailbox A, not B.
    expect((await listMailboxes(db, w.agent, { orgId: w.org.id })).map((m) => m.address)).toEqual(["contact@a.ch"]);
    expect(await codeOf(readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxB.id }))).toBe("NOT_FOUND");
    const read = await readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxA.id, messageId: w.boxA.messages[0].id });
    expect(read.message?.subject).toBe("First");
    // Separate permissions: mail does not open the drive or the chat.
    expect(await codeOf(listDrives(db, w.agent, { orgId: w.org.id }))).toBe("FORBIDDEN");
    expect(await codeOf(readChatChannel(db, w.agent, { orgId: w.org.id, channelId: w.channel.id }))).toBe("FORBIDDEN");
    // Another agent, not handling the request, sees nothing of the Organization.
    expect(await codeOf(listMailboxes(db, w.otherAgent, { orgId: w.org.id }))).toBe("NOT_FOUND");
    const log = await db.auditLog.findMany({ where: { orgId: w.org.id, action: { startsWith: "support." } }, orderBy: { at: "asc" }, select: { action: true, actorKind: true, actorId: true, targetId: true } });
    expect(log).toEqual([
      { action: "support.accessGranted", actorKind: "USER", actorId: w.user.userId, targetId: expect.any(String) },
      { action: "support.mailRead", actorKind: "STAFF", actorId: w.agent.userId, targetId: w.boxA.messages[0].id },
    ]);
  });

  test("[SUP-2] a grant ends when revoked, and by itself after 7 days (checked on read; the job marks it ended)", async () => {
    const db = getDb();
    const w = await world(db);
    const { expiresAt } = await setSupportAccess(db, w.owner, { orgId: w.org.id, scope: "MAIL", enabled: true });
    expect(expiresAt!.getTime() - now().getTime()).toBeGreaterThan(7 * DAY - 60_000);
    expect(await codeOf(listMailboxes(db, w.agent, { orgId: w.org.id }))).toBe("allowed");
    await setSupportAccess(db, w.owner, { orgId: w.org.id, scope: "MAIL", enabled: false });
    expect(await codeOf(listMailboxes(db, w.agent, { orgId: w.org.id }))).toBe("NOT_FOUND");

    await setSupportAccess(db, w.owner, { orgId: w.org.id, scope: "MAIL", enabled: true });
    clock.set(new Date(now().getTime() + 7 * DAY - 60_000));
    expect(await codeOf(listMailboxes(db, w.agent, { orgId: w.org.id }))).toBe("allowed");
    await endExpiredGrants(db);
    const running = () => db.supportGrant.findFirstOrThrow({ where: { orgId: w.org.id, revokedAt: null }, select: { endedAt: true } });
    expect((await running()).endedAt).toBeNull();
    clock.set(new Date(now().getTime() + 2 * 60_000));
    expect(await codeOf(listMailboxes(db, w.agent, { orgId: w.org.id }))).toBe("NOT_FOUND");
    expect((await listSupportAccess(db, w.owner)).find((o) => o.orgId === w.org.id)!.toggles.MAIL).toBeNull();
    expect((await endExpiredGrants(db)).ended).toBeGreaterThanOrEqual(1);
    expect((await running()).endedAt).toEqual(now());
    expect((await endExpiredGrants(db)).ended).toBe(0);
  });

  test("[SUP-3] one e-mail shared on its own: support sees that message alone, until it is revoked", async () => {
    const db = getDb();
    const w = await world(db);
    const [first, second] = w.boxA.messages;
    await shareMail(db, w.user, { orgId: w.org.id, messageId: second.id });
    const boxes = await listMailboxes(db, w.agent, { orgId: w.org.id });
    expect(boxes.map((b) => [b.address, b.messageCount])).toEqual([["contact@a.ch", 1]]);
    const box = await readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxA.id, messageId: second.id });
    expect(box.messages.map((m) => m.subject)).toEqual(["Second"]);
    expect(await codeOf(readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxA.id, messageId: first.id }))).toBe("NOT_FOUND");
    // Nobody shares what they cannot read: mailbox B is not the USER's.
    const other = await db.mailMessage.create({ data: { mailboxId: w.boxB.id, fromName: "Q", fromAddress: "q@example.com", toAddress: "contact@b.ch", subject: "Secret", body: "b", receivedAt: now() } });
    expect(await codeOf(shareMail(db, w.user, { orgId: w.org.id, messageId: other.id }))).toBe("NOT_FOUND");
    const shared = (await listSupportAccess(db, w.user)).find((o) => o.orgId === w.org.id)!.shared;
    expect(shared.map((s) => s.subject)).toEqual(["Second"]);
    await revokeGrant(db, w.user, { orgId: w.org.id, grantId: shared[0].grantId });
    expect(await codeOf(readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxA.id, messageId: second.id }))).toBe("NOT_FOUND");
  });

  test("[SUP-1] the support-access page lists every Organization of the person; roles without the right get no toggles", async () => {
    const db = getDb();
    const w = await world(db);
    const other = await createOrganization(db);
    await addMember(db, other.id, w.user.userId, "EXTERNAL");
    const page = await listSupportAccess(db, w.user);
    expect(page.map((o) => [o.orgId, o.canGrant])).toEqual(
      expect.arrayContaining([
        [w.org.id, true],
        [other.id, false],
      ]),
    );
    expect(await codeOf(setSupportAccess(db, w.user, { orgId: other.id, scope: "CHAT", enabled: true }))).toBe("FORBIDDEN");
  });

  test("[SUP-1] [SUP-3] a grant limited to one product: staff read that product's content and are refused another product of the Organization", async () => {
    const db = getDb();
    const w = await world(db);
    // The legal representative sees both mail products but shares mail a.ch only.
    await setSupportAccess(db, w.owner, { orgId: w.org.id, scope: "MAIL", enabled: true, productIds: [w.boxA.productId] });
    expect((await listMailboxes(db, w.agent, { orgId: w.org.id })).map((m) => m.address)).toEqual(["contact@a.ch"]);
    expect((await readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxA.id })).messages).toHaveLength(2);
    expect(await codeOf(readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxB.id }))).toBe("NOT_FOUND");
    const toggle = (await listSupportAccess(db, w.owner)).find((o) => o.orgId === w.org.id)!.toggles.MAIL;
    expect(toggle?.products.map((p) => p.name)).toEqual(["Mail a.ch"]);
    // The back office's list of grants in force names the products too.
    expect((await listActiveGrants(db, w.agent)).find((g) => g.organization.id === w.org.id)?.products.map((p) => p.product.name)).toEqual(["Mail a.ch"]);
    // Changing the products keeps the grant's end; the other product then opens, the first closes.
    const changed = await setSupportAccess(db, w.owner, { orgId: w.org.id, scope: "MAIL", enabled: true, productIds: [w.boxB.productId] });
    expect(changed.expiresAt).toEqual(toggle!.expiresAt);
    expect((await listMailboxes(db, w.agent, { orgId: w.org.id })).map((m) => m.address)).toEqual(["contact@b.ch"]);
    expect(await codeOf(readMailbox(db, w.agent, { orgId: w.org.id, mailboxId: w.boxA.id }))).toBe("NOT_FOUND");
  });

  test("[SUP-3] a limited grant names only products of that content the granter sees; anything else refuses and writes nothing", async () => {
    const db = getDb();
    const w = await world(db);
    const drive = await db.driveFolder.findUniqueOrThrow({ where: { id: w.folder.id }, select: { productId: true } });
    // A drive product for a mail grant, a mail product the USER does not see, another Organization's product.
    const elsewhere = await createOrganization(db);
    const [foreign] = await createProducts(db, [{ orgId: elsewhere.id, category: "mail", name: "Foreign" }]);
    for (const productId of [drive.productId, w.boxB.productId, foreign.id]) {
      expect(await codeOf(setSupportAccess(db, w.user, { orgId: w.org.id, scope: "MAIL", enabled: true, productIds: [w.boxA.productId, productId] }))).toBe("NOT_FOUND");
    }
    expect(await db.supportGrant.count({ where: { orgId: w.org.id } })).toBe(0);
  });
});
