import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { StaffActor, UserActor } from "@/lib/access/actor";
import { listActiveGrants } from "@/lib/backoffice/active-grants";
import { assignSupportRequest } from "@/lib/backoffice/assign-request";
import { closeAsStaff } from "@/lib/backoffice/close-request";
import { readGrantedMailbox } from "@/lib/backoffice/granted-content";
import { getStaffRequest } from "@/lib/backoffice/staff-request";
import { replyAsStaff } from "@/lib/backoffice/staff-reply";
import { listSupportQueue } from "@/lib/backoffice/support-queue";
import { takeSupportRequest } from "@/lib/backoffice/take-request";
import { clock, DAY, now } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { generateDpa } from "@/lib/dpa/generate-dpa";
import { mapError } from "@/lib/http/map-error";
import { SUB_PROCESSORS } from "@/lib/dpa/sub-processors";
import { setSupportAccess } from "@/lib/support/set-support-access";
import { closeSupportRequest } from "@/lib/support-requests/close-request";
import { getSupportRequest } from "@/lib/support-requests/get-request";
import { listSupportRequests } from "@/lib/support-requests/list-requests";
import { openSupportRequest } from "@/lib/support-requests/open-request";
import { readRequestAttachment, readRequestAttachmentAsStaff } from "@/lib/support-requests/read-attachment";
import { replyToSupportRequest } from "@/lib/support-requests/reply-request";
import { MAX_SCREENSHOT_BYTES } from "@/lib/support-requests/rules";
import { supportFilesRoot } from "@/lib/support-requests/storage";
import { addMember, createOrganization, createProducts, createStaffUser, createUser, grantProductAccess } from "../factories";
import { pdfText } from "./support/pdf-text";

afterEach(() => clock.reset());

const asUser = (userId: string): UserActor => ({ kind: "user", userId, sessionId: "s", staffRole: null, ip: "192.0.2.1", userAgent: "test" });
const asStaff = (userId: string, staffRole: StaffActor["staffRole"] = "SUPPORT"): StaffActor => ({ kind: "staff", userId, sessionId: "s", staffRole, ip: "192.0.2.9", userAgent: "back office" });
const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string }) => e.code ?? String(e));
const fieldsOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; fieldErrors?: Record<string, string[]> }) => ({ code: e.code, fields: e.fieldErrors }));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const png = () => new Blob([PNG], { type: "image/png" });

async function filesOnDisk(requestId: string) {
  return readdir(path.join(supportFilesRoot(), requestId)).catch(() => [] as string[]);
}

/** An Organization with a USER who sees one mail product, a mailbox with a message, and two agents. */
async function world(db: Db) {
  const org = await createOrganization(db, { vatNumber: "CHE-123.456.789", street: "Rue du Lac 1", postalCode: "1003", city: "Lausanne" });
  const [mail, hidden] = await createProducts(db, [
    { orgId: org.id, category: "mail", name: "Mail lac.ch" },
    { orgId: org.id, category: "mail", name: "Mail other.ch" },
  ]);
  const box = await db.mailbox.create({
    data: {
      productId: mail.id,
      address: "info@lac.ch",
      displayName: "Info",
      messages: { create: { fromName: "X", fromAddress: "x@example.com", toAddress: "info@lac.ch", subject: "Bounce", body: "Undelivered", receivedAt: now() } },
    },
    include: { messages: true },
  });
  const user = await createUser(db, { locale: "fr" });
  const membership = await addMember(db, org.id, user.id, "USER");
  await grantProductAccess(db, { membershipId: membership.id, productIds: [mail.id] });
  const admin = await createUser(db);
  await addMember(db, org.id, admin.id, "ADMINISTRATOR");
  const colleague = await createUser(db);
  await addMember(db, org.id, colleague.id, "USER");
  const agent = await createStaffUser(db, { staffRole: "SUPPORT" });
  const otherAgent = await createStaffUser(db, { staffRole: "SUPPORT" });
  const supervisor = await createStaffUser(db, { staffRole: "SUPERVISOR" });
  return {
    org,
    mail,
    hidden,
    box,
    userRow: user,
    owner: asUser(org.legalRepresentativeId),
    user: asUser(user.id),
    admin: asUser(admin.id),
    colleague: asUser(colleague.id),
    agent: asStaff(agent.id),
    otherAgent: asStaff(otherAgent.id),
    supervisor: asStaff(supervisor.id, "SUPERVISOR"),
  };
}

describe("support requests (SUP-4)", () => {
  test("[SUP-4] a member opens a request about a product they see, with a screenshot stored privately and served only to those who follow it", async () => {
    const db = getDb();
    const w = await world(db);
    const { id } = await openSupportRequest(db, w.user, { orgId: w.org.id, subject: "Mail bounces", productId: w.mail.id, body: "Since this morning", screenshots: [png()] });
    expect(await filesOnDisk(id)).toHaveLength(1);
    const mine = await getSupportRequest(db, w.user, { orgId: w.org.id, requestId: id });
    expect(mine).toMatchObject({ subject: "Mail bounces", status: "OPEN", product: { name: "Mail lac.ch" } });
    const [shot] = mine.attachments;
    const read = await readRequestAttachment(db, w.user, { orgId: w.org.id, requestId: id, attachmentId: shot.id });
    expect(read.mimeType).toBe("image/png");
    expect(new Uint8Array(read.bytes)).toEqual(PNG);
    // The legal representative and administrators follow every request; another USER only their own.
    expect((await listSupportRequests(db, w.owner, { orgId: w.org.id })).map((r) => r.id)).toEqual([id]);
    expect(await codeOf(readRequestAttachment(db, w.admin, { orgId: w.org.id, requestId: id, attachmentId: shot.id }))).toBe("allowed");
    expect(await listSupportRequests(db, w.colleague, { orgId: w.org.id })).toEqual([]);
    expect(await codeOf(getSupportRequest(db, w.colleague, { orgId: w.org.id, requestId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(readRequestAttachment(db, w.colleague, { orgId: w.org.id, requestId: id, attachmentId: shot.id }))).toBe("NOT_FOUND");
    // Another Organization's member, even naming this request under their own Organization: not found.
    const other = await createOrganization(db);
    const outsider = asUser(other.legalRepresentativeId);
    expect(await codeOf(getSupportRequest(db, outsider, { orgId: w.org.id, requestId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(getSupportRequest(db, outsider, { orgId: other.id, requestId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(readRequestAttachment(db, outsider, { orgId: other.id, requestId: id, attachmentId: shot.id }))).toBe("NOT_FOUND");
    // Staff: an agent may open an untaken request's screenshot; once another agent takes it, no longer.
    expect(await codeOf(readRequestAttachmentAsStaff(db, w.otherAgent, { requestId: id, attachmentId: shot.id }))).toBe("allowed");
    await takeSupportRequest(db, w.agent, { requestId: id });
    expect(await codeOf(readRequestAttachmentAsStaff(db, w.agent, { requestId: id, attachmentId: shot.id }))).toBe("allowed");
    expect(await codeOf(readRequestAttachmentAsStaff(db, w.otherAgent, { requestId: id, attachmentId: shot.id }))).toBe("NOT_FOUND");
    expect(await codeOf(readRequestAttachmentAsStaff(db, w.user, { requestId: id, attachmentId: shot.id }))).toBe("NOT_FOUND");
  });

  test("[SUP-4] screenshots are checked by their bytes and their size; a refused request leaves neither a row nor a file", async () => {
    const db = getDb();
    const w = await world(db);
    const base = { orgId: w.org.id, subject: "Help", body: "Text" };
    const allFiles = () => readdir(supportFilesRoot(), { recursive: true }).catch(() => [] as string[]);
    const before = await allFiles();
    const disguised = new Blob([new TextEncoder().encode("<svg onload=alert(1)>")], { type: "image/png" });
    expect(await fieldsOf(openSupportRequest(db, w.user, { ...base, screenshots: [png(), disguised] }))).toEqual({ code: "INVALID_INPUT", fields: { screenshots: ["support.errors.screenshotType"] } });
    const huge = new Blob([PNG, new Uint8Array(MAX_SCREENSHOT_BYTES)], { type: "image/png" });
    expect(await fieldsOf(openSupportRequest(db, w.user, { ...base, screenshots: [huge] }))).toEqual({ code: "INVALID_INPUT", fields: { screenshots: ["support.errors.screenshotTooLarge"] } });
    expect(await fieldsOf(openSupportRequest(db, w.user, { ...base, screenshots: [png(), png(), png(), png()] }))).toMatchObject({ fields: { screenshots: ["support.errors.tooManyScreenshots"] } });
    // A product the USER does not see is refused like an unknown one.
    expect(await fieldsOf(openSupportRequest(db, w.user, { ...base, productId: w.hidden.id }))).toEqual({ code: "INVALID_INPUT", fields: { productId: ["validation.invalid"] } });
    const blank = await openSupportRequest(db, w.user, { ...base, subject: " " }).catch((e: unknown) => mapError(e));
    expect(blank).toMatchObject({ code: "invalid_input", status: 422, fieldErrors: { subject: ["validation.required"] } });
    expect(await db.supportRequest.count({ where: { orgId: w.org.id } })).toBe(0);
    expect(await allFiles()).toEqual(before);
    // An external user may not open requests; an outsider does not find the Organization.
    const external = await createUser(db);
    await addMember(db, w.org.id, external.id, "EXTERNAL");
    expect(await codeOf(openSupportRequest(db, asUser(external.id), base))).toBe("FORBIDDEN");
    expect(await codeOf(openSupportRequest(db, asUser((await createUser(db)).id), base))).toBe("NOT_FOUND");
  });

  test("[SUP-4] the queue lists open requests oldest first; an agent takes one, replies (the requester is e-mailed in their language), a second agent gets 404, a supervisor reassigns", async () => {
    const db = getDb();
    const w = await world(db);
    clock.set(new Date("2026-03-01T09:00:00Z"));
    const first = await openSupportRequest(db, w.user, { orgId: w.org.id, subject: "First", body: "one" });
    clock.set(new Date("2026-03-01T10:00:00Z"));
    const second = await openSupportRequest(db, w.owner, { orgId: w.org.id, subject: "Second", body: "two" });
    const queue = (await listSupportQueue(db, w.agent)).filter((r) => [first.id, second.id].includes(r.id));
    expect(queue.map((r) => r.subject)).toEqual(["First", "Second"]);
    expect(await codeOf(listSupportQueue(db, w.user))).toBe("NOT_FOUND");

    await takeSupportRequest(db, w.agent, { requestId: first.id });
    expect(await codeOf(takeSupportRequest(db, w.otherAgent, { requestId: first.id }))).toBe("NOT_FOUND");
    expect(await codeOf(getStaffRequest(db, w.otherAgent, { requestId: first.id }))).toBe("NOT_FOUND");
    expect(await codeOf(replyAsStaff(db, w.otherAgent, { requestId: first.id, body: "Hi" }))).toBe("NOT_FOUND");
    expect((await listSupportQueue(db, w.otherAgent)).map((r) => r.id)).not.toContain(first.id);

    await replyAsStaff(db, w.agent, { requestId: first.id, body: "We are looking into it." });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: w.userRow.email, template: "supportReply" } });
    expect(mail.locale).toBe("fr");
    expect(mail.subject).toContain("First");
    expect(mail.textBody).toContain(`/${w.org.id}/support/${first.id}`);
    const seen = await getSupportRequest(db, w.user, { orgId: w.org.id, requestId: first.id });
    expect(seen.status).toBe("IN_PROGRESS");
    expect(seen.messages.map((m) => [m.fromStaff, m.body])).toEqual([[true, "We are looking into it."]]);

    await replyToSupportRequest(db, w.user, { orgId: w.org.id, requestId: first.id, body: "Thanks", screenshots: [png()] });
    expect((await getStaffRequest(db, w.agent, { requestId: first.id })).messages.at(-1)).toMatchObject({ fromStaff: false, body: "Thanks", attachments: [{ mimeType: "image/png" }] });

    // Only a supervisor reassigns; the new assignee handles it, the former one no longer finds it.
    expect(await codeOf(assignSupportRequest(db, w.agent, { requestId: first.id, assigneeId: w.otherAgent.userId }))).toBe("FORBIDDEN");
    await assignSupportRequest(db, w.supervisor, { requestId: first.id, assigneeId: w.otherAgent.userId });
    expect(await codeOf(getStaffRequest(db, w.otherAgent, { requestId: first.id }))).toBe("allowed");
    expect(await codeOf(getStaffRequest(db, w.agent, { requestId: first.id }))).toBe("NOT_FOUND");
    expect(await fieldsOf(assignSupportRequest(db, w.supervisor, { requestId: first.id, assigneeId: w.user.userId }))).toEqual({ code: "INVALID_INPUT", fields: { assigneeId: ["validation.invalid"] } });

    // The customer closes it: no more replies on either side.
    await closeSupportRequest(db, w.user, { orgId: w.org.id, requestId: first.id });
    expect(await codeOf(replyToSupportRequest(db, w.user, { orgId: w.org.id, requestId: first.id, body: "More" }))).toBe("CONFLICT");
    expect(await codeOf(replyAsStaff(db, w.otherAgent, { requestId: first.id, body: "More" }))).toBe("CONFLICT");
    expect(await codeOf(closeSupportRequest(db, w.colleague, { orgId: w.org.id, requestId: first.id }))).toBe("NOT_FOUND");
    const log = await db.auditLog.findMany({ where: { orgId: w.org.id, targetId: first.id }, orderBy: { at: "asc" }, select: { action: true, actorKind: true } });
    expect(log.map((l) => `${l.actorKind} ${l.action}`)).toEqual([
      "USER supportRequest.opened",
      "STAFF supportRequest.taken",
      "STAFF supportRequest.replied",
      "USER supportRequest.replied",
      "STAFF supportRequest.assigned",
      "USER supportRequest.closed",
    ]);
  });
});

describe("granted content in the back office (SUP-3)", () => {
  test("[SUP-3] [SUP-2] the assigned agent reads the granted mailbox through the request, a second agent gets 404, and the grant ends after 7 days by the clock", async () => {
    const db = getDb();
    const w = await world(db);
    const { id } = await openSupportRequest(db, w.user, { orgId: w.org.id, subject: "Bounces", productId: w.mail.id, body: "See info@" });
    await takeSupportRequest(db, w.agent, { requestId: id });
    // Nothing granted yet: the request page shows no content and the mailbox is not found.
    expect((await getStaffRequest(db, w.agent, { requestId: id })).content).toEqual({ mailboxes: null, drives: null, channels: null });
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("NOT_FOUND");

    await setSupportAccess(db, w.user, { orgId: w.org.id, scope: "MAIL", enabled: true });
    expect((await getStaffRequest(db, w.agent, { requestId: id })).content.mailboxes?.map((m) => m.address)).toEqual(["info@lac.ch"]);
    const read = await readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id, messageId: w.box.messages[0].id });
    expect(read.message?.subject).toBe("Bounce");
    expect(await codeOf(readGrantedMailbox(db, w.otherAgent, { requestId: id, mailboxId: w.box.id }))).toBe("NOT_FOUND");
    expect(await codeOf(readGrantedMailbox(db, w.supervisor, { requestId: id, mailboxId: w.box.id }))).toBe("NOT_FOUND");
    expect((await listActiveGrants(db, w.agent)).filter((g) => g.organization.id === w.org.id).map((g) => g.scope)).toEqual(["MAIL"]);

    // The customer's activity log names the agent's read.
    const reads = await db.auditLog.findMany({ where: { orgId: w.org.id, action: "support.mailRead" }, select: { actorKind: true, actorId: true, targetId: true } });
    expect(reads).toEqual([{ actorKind: "STAFF", actorId: w.agent.userId, targetId: w.box.messages[0].id }]);

    clock.set(new Date(now().getTime() + 7 * DAY + 60_000));
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("NOT_FOUND");
    expect((await getStaffRequest(db, w.agent, { requestId: id })).content.mailboxes).toBeNull();
    expect((await listActiveGrants(db, w.agent)).filter((g) => g.organization.id === w.org.id)).toEqual([]);
  });

  test("[SUP-3] revoking the grant, or closing the request, ends the agent's reads at once", async () => {
    const db = getDb();
    const w = await world(db);
    const { id } = await openSupportRequest(db, w.user, { orgId: w.org.id, subject: "Bounces", body: "See info@" });
    await takeSupportRequest(db, w.agent, { requestId: id });
    await setSupportAccess(db, w.user, { orgId: w.org.id, scope: "MAIL", enabled: true });
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("allowed");
    await setSupportAccess(db, w.user, { orgId: w.org.id, scope: "MAIL", enabled: false });
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("NOT_FOUND");
    await setSupportAccess(db, w.user, { orgId: w.org.id, scope: "MAIL", enabled: true });
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("allowed");
    await closeSupportRequest(db, w.user, { orgId: w.org.id, requestId: id });
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("NOT_FOUND");
  });
});

describe("data-processing agreement (GDP-1)", () => {
  test("[GDP-1] legal representatives and administrators generate the personalised DPA in their language; others are refused; each generation is logged", async () => {
    const db = getDb();
    const w = await world(db);
    const owner = await db.user.findUniqueOrThrow({ where: { id: w.org.legalRepresentativeId } });
    const en = await generateDpa(db, w.owner, { orgId: w.org.id });
    expect(en.fileName).toMatch(/^dpa-organization-.*\.pdf$/);
    const text = pdfText(en.pdf);
    for (const expected of [w.org.name, "Rue du Lac 1", "1003 Lausanne", "Switzerland", "VAT number: CHE-123.456.789", `${owner.firstName} ${owner.lastName}`, owner.email, "Federal Act on Data Protection", "GDPR", ...SUB_PROCESSORS.map((s) => s.name)]) {
      expect(text).toContain(expected);
    }
    // An administrator reading French gets it in French, signed in their own name.
    const admin = await db.user.update({ where: { id: w.admin.userId }, data: { locale: "fr" } });
    const fr = pdfText((await generateDpa(db, w.admin, { orgId: w.org.id })).pdf);
    expect(fr).toContain("Contrat de sous-traitance des données");
    expect(fr).toContain(`${admin.firstName} ${admin.lastName}`);
    expect(fr).toContain("protection des données (nLPD)");
    // A USER is refused, an outsider does not find the Organization, staff neither.
    expect(await codeOf(generateDpa(db, w.user, { orgId: w.org.id }))).toBe("FORBIDDEN");
    expect(await codeOf(generateDpa(db, asUser((await createUser(db)).id), { orgId: w.org.id }))).toBe("NOT_FOUND");
    expect(await codeOf(generateDpa(db, w.agent, { orgId: w.org.id }))).toBe("NOT_FOUND");
    const log = await db.auditLog.findMany({ where: { orgId: w.org.id, action: "dpa.generated" }, orderBy: { at: "asc" }, select: { actorId: true, targetType: true } });
    expect(log).toEqual([
      { actorId: w.owner.userId, targetType: "organization" },
      { actorId: w.admin.userId, targetType: "organization" },
    ]);
  });
});

describe("staff close a request (SUP-4)", () => {
  test("[SUP-4] [SUP-3] the handling agent closes with a reason: the conversation shows it, the requester is e-mailed, the agent's reads end at once", async () => {
    const db = getDb();
    const w = await world(db);
    const { id } = await openSupportRequest(db, w.user, { orgId: w.org.id, subject: "Bounces", body: "See info@" });
    await takeSupportRequest(db, w.agent, { requestId: id });
    await setSupportAccess(db, w.user, { orgId: w.org.id, scope: "MAIL", enabled: true });
    await db.supportGrant.updateMany({ where: { orgId: w.org.id }, data: { requestId: id } });
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("allowed");
    // Another agent, a customer, an empty reason: refused, nothing closed.
    expect(await codeOf(closeAsStaff(db, w.otherAgent, { requestId: id, reason: "Done" }))).toBe("NOT_FOUND");
    expect(await codeOf(closeAsStaff(db, w.user, { requestId: id, reason: "Done" }))).toBe("NOT_FOUND");
    const blank = await closeAsStaff(db, w.agent, { requestId: id, reason: "  " }).catch((e: unknown) => mapError(e));
    expect(blank).toMatchObject({ status: 422, fieldErrors: { reason: ["validation.required"] } });
    expect((await getSupportRequest(db, w.user, { orgId: w.org.id, requestId: id })).status).toBe("IN_PROGRESS");

    expect(await closeAsStaff(db, w.agent, { requestId: id, reason: "The mailbox was full; space was added." })).toEqual({ grantsEnded: 1 });
    const seen = await getSupportRequest(db, w.user, { orgId: w.org.id, requestId: id });
    expect(seen).toMatchObject({ status: "CLOSED", closedByStaff: true, closeReason: "The mailbox was full; space was added." });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: w.userRow.email, template: "supportClosed" } });
    expect(mail.locale).toBe("fr");
    expect(mail.textBody).toContain("The mailbox was full; space was added.");
    expect(mail.textBody).toContain(`/${w.org.id}/support/${id}`);
    expect(await codeOf(readGrantedMailbox(db, w.agent, { requestId: id, mailboxId: w.box.id }))).toBe("NOT_FOUND");
    expect(await db.supportGrant.count({ where: { requestId: id, endedAt: null } })).toBe(0);
    expect(await codeOf(closeAsStaff(db, w.agent, { requestId: id, reason: "Again" }))).toBe("CONFLICT");
    const log = await db.auditLog.findFirstOrThrow({ where: { orgId: w.org.id, targetId: id, action: "supportRequest.closedByStaff" } });
    expect(log).toMatchObject({ actorKind: "STAFF", actorId: w.agent.userId });
  });

  test("[SUP-4] a supervisor may close any open request; an agent not one another agent handles", async () => {
    const db = getDb();
    const w = await world(db);
    const { id } = await openSupportRequest(db, w.owner, { orgId: w.org.id, subject: "Spam", body: "x" });
    await takeSupportRequest(db, w.otherAgent, { requestId: id });
    expect(await codeOf(closeAsStaff(db, w.agent, { requestId: id, reason: "Duplicate" }))).toBe("NOT_FOUND");
    await closeAsStaff(db, w.supervisor, { requestId: id, reason: "Duplicate" });
    expect((await getStaffRequest(db, w.supervisor, { requestId: id })).status).toBe("CLOSED");
  });
});
