import { afterEach, describe, expect, inject, test } from "vitest";
import type { AnonymousActor, UserActor } from "@/lib/access/actor";
import { clock, now } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { extractLinks, listCaughtMail, waitForMail } from "@/lib/dev/mailbox";
import { findJob } from "@/lib/jobs/definitions";
import { LIMITS } from "@/lib/security/rate-limit";
import { hashSecret } from "@/lib/security/tokens";
import { cancelTender, findTenderToCancel } from "@/lib/tenders/cancel-tender";
import { getOpenTender } from "@/lib/tenders/get-open-tender";
import { listOpenTenders } from "@/lib/tenders/list-open-tenders";
import { dateInDays } from "@/lib/tenders/rules";
import { saveProposal } from "@/lib/tenders/save-proposal";
import { submitTender, type SubmitTenderInput } from "@/lib/tenders/submit-tender";
import { viewTenderByLink } from "@/lib/tenders/view-tender";
import { addMember, createOrganization, createPartner, createTender, createUser, unique } from "../factories";

afterEach(() => clock.reset());

const mailbox = () => inject("mailboxUrl");
const asUser = (userId: string): UserActor => ({ kind: "user", userId, sessionId: "s", staffRole: null });
let addresses = 0;
/** A client address of its own per submission, clear of the per-address limit unless a test shares one. */
const visitor = (ip = `198.51.100.${++addresses}`): AnonymousActor => ({ kind: "anonymous", ip });

const call = (over: Partial<SubmitTenderInput> = {}): SubmitTenderInput => ({
  title: `A new website with a shop (${unique("call")})`,
  description: "We are a bakery in Lausanne and need a website with an online shop, hosted in Switzerland.",
  budget: "CHF 8'000",
  contactName: "Carla Submitter",
  contactEmail: `${unique("submitter")}@example.test`,
  contactPhone: "+41 21 555 12 34",
  validUntil: dateInDays(30),
  locale: "en",
  ...over,
});

/** A person in an approved partner's Organization (opted in unless told), with the given role there. */
async function partnerMember(db: Db, opts: { tendersOptIn?: boolean; approved?: boolean; role?: "USER" | "EXTERNAL"; locale?: "en" | "fr" } = {}) {
  const lr = await createUser(db, { locale: opts.locale ?? "en" });
  const org = await createOrganization(db, { legalRepresentativeId: lr.id });
  const partner = await createPartner(db, { orgId: org.id, tendersOptIn: opts.tendersOptIn ?? true, approvedAt: opts.approved === false ? null : now(), contactEmail: `${unique("partner")}@example.test` });
  let userId = lr.id;
  if (opts.role) {
    const u = await createUser(db);
    await addMember(db, org.id, u.id, opts.role);
    userId = u.id;
  }
  return { userId, actor: asUser(userId), partner, orgId: org.id };
}

/** The secret at the end of the link to `path` in a mail. */
function secretOf(links: string[], path: string): string {
  const link = links.find((l) => l.includes(path));
  expect(link, `a link to ${path}`).toBeTruthy();
  return link!.split(path)[1];
}

async function runExtractJob(db: Db) {
  return findJob("tender-extracts")!.run(db);
}

describe("calls for tenders", () => {
  test("[TND-1] [TND-4] a visitor submits a call: stored with hashed links only, and mailed a view link and a cancel link", async () => {
    const db = getDb();
    const input = call();
    expect(await submitTender(db, visitor(), input)).toEqual({ email: input.contactEmail });
    const tender = await db.tender.findFirstOrThrow({ where: { contactEmail: input.contactEmail } });
    expect(tender).toMatchObject({ title: input.title, budget: input.budget, contactPhone: input.contactPhone, submitterId: null, cancelledAt: null, announcedAt: null });
    expect(tender.validUntil.toISOString()).toBe(`${dateInDays(30)}T23:59:59.999Z`);

    const mail = await waitForMail(mailbox(), { to: input.contactEmail, subjectIncludes: input.title, timeoutMs: 15_000 });
    const links = extractLinks(mail);
    const view = secretOf(links, "/tenders/view/");
    const cancel = secretOf(links, "/tenders/cancel/");
    expect(tender.viewTokenHash).toBe(hashSecret(view));
    expect(tender.cancelTokenHash).toBe(hashSecret(cancel));
    // Secrets at rest: the row and the outbox copy carry no link secret.
    const outbox = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: input.contactEmail, template: "tenderSubmitted" } });
    expect(`${outbox.textBody}${outbox.htmlBody}`).not.toContain(view);
    expect(`${outbox.textBody}${outbox.htmlBody}`).not.toContain(cancel);
    expect(JSON.stringify(tender)).not.toContain(view);
    expect((await viewTenderByLink(db, view)).status).toBe("open");
  });

  test("[TND-1] a signed-in customer's call is tied to their account", async () => {
    const db = getDb();
    const user = await createUser(db);
    const input = call();
    await submitTender(db, { ...asUser(user.id), ip: "198.51.100.250" }, input);
    expect(await db.tender.findFirstOrThrow({ where: { contactEmail: input.contactEmail } })).toMatchObject({ submitterId: user.id });
  });

  test("[TND-1] bad input is refused field by field and writes nothing; a filled honeypot stores nothing", async () => {
    const db = getDb();
    const before = await db.tender.count();
    const bad = call({ title: "Hi", validUntil: dateInDays(3), contactEmail: "not-an-address", contactPhone: "call me" });
    const err = await submitTender(db, visitor(), bad).catch((e: unknown) => e);
    expect((err as { issues?: { path: string[]; message: string }[] }).issues?.map((i) => `${i.path[0]}:${i.message}`).sort()).toEqual([
      "contactEmail:validation.email",
      "contactPhone:tenders.errors.phone",
      "title:tenders.errors.titleTooShort",
      "validUntil:tenders.errors.validity",
    ]);
    await expect(submitTender(db, visitor(), call({ validUntil: dateInDays(91) }))).rejects.toThrow();
    await expect(submitTender(db, visitor(), call({ validUntil: "2026-02-30" }))).rejects.toThrow();
    const robot = call({ website: "https://spam.example" });
    expect(await submitTender(db, visitor(), robot)).toEqual({ email: robot.contactEmail });
    expect(await db.tender.count()).toBe(before);
  });

  test("[TND-1] submissions are limited per client address; another address is not affected", async () => {
    const db = getDb();
    const { points } = LIMITS.tenderSubmitPerIp;
    const shared = visitor("203.0.113.77");
    for (let i = 0; i < points; i++) await submitTender(db, shared, call());
    const before = await db.tender.count();
    await expect(submitTender(db, shared, call())).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.tender.count()).toBe(before);
    await expect(submitTender(db, visitor("203.0.113.78"), call())).resolves.toBeTruthy();
    // The window ends by the clock, not by waiting.
    clock.set(new Date(now().getTime() + LIMITS.tenderSubmitPerIp.durationSeconds * 1000 + 1000));
    await expect(submitTender(db, shared, call({ validUntil: dateInDays(30) }))).resolves.toBeTruthy();
  });

  test("[TND-2] the job mails an extract without contact details to every approved partner that opted in, once, in the partner's language", async () => {
    const db = getDb();
    const french = await partnerMember(db, { locale: "fr" });
    const english = await partnerMember(db);
    const optedOut = await partnerMember(db, { tendersOptIn: false });
    const unapproved = await partnerMember(db, { approved: false });
    const input = call({ description: `${"We need a new website for our bakery with an online shop. ".repeat(12)}THE-END-OF-THE-TEXT` });
    await submitTender(db, visitor(), input);
    const tender = await db.tender.findFirstOrThrow({ where: { contactEmail: input.contactEmail } });

    const result = await runExtractJob(db);
    expect(result.announced).toBeGreaterThanOrEqual(1);
    const fr = await waitForMail(mailbox(), { to: french.partner.contactEmail, subjectIncludes: input.title, timeoutMs: 15_000 });
    const en = await waitForMail(mailbox(), { to: english.partner.contactEmail, subjectIncludes: input.title, timeoutMs: 15_000 });
    expect(fr.subject).toBe(`Nouvel appel d’offres sur Manager\u00a0: ${input.title}`);
    expect(en.subject).toBe(`New call for tenders on Manager: ${input.title}`);
    for (const mail of [fr, en]) {
      const body = `${mail.text}\n${mail.html}`;
      expect(body).toContain("8&#39;000");
      expect(body).toContain("We need a new website for our bakery");
      expect(body).not.toContain("THE-END-OF-THE-TEXT"); // an extract, not the whole description
      expect(body).not.toContain(input.contactEmail);
      expect(body).not.toContain(input.contactName);
      expect(body).not.toContain("555 12 34");
      expect(extractLinks(mail)).toContain(`http://localhost:3000/reseller/tenders/${tender.id}`);
    }
    for (const p of [optedOut, unapproved]) expect(await listCaughtMail(mailbox(), { to: p.partner.contactEmail })).toEqual([]);

    // Claimed once: a second run mails nothing more.
    const sent = (await listCaughtMail(mailbox(), { to: english.partner.contactEmail })).length;
    const again = await runExtractJob(db);
    expect(again).toEqual({ announced: 0, mailed: 0 });
    expect(await listCaughtMail(mailbox(), { to: english.partner.contactEmail })).toHaveLength(sent);
  });

  test("[TND-2] the full call with contact details is shown to an opted-in partner's member only, and only while valid", async () => {
    const db = getDb();
    const partner = await partnerMember(db, { role: "USER" });
    const { tender } = await createTender(db, { validDays: 10 });
    const shown = await getOpenTender(db, partner.actor, { tenderId: tender.id });
    expect(shown.tender).toMatchObject({ contactName: tender.contactName, contactEmail: tender.contactEmail, contactPhone: tender.contactPhone });
    expect((await listOpenTenders(db, partner.actor)).tenders.map((t) => t.id)).toContain(tender.id);

    // Nobody else has a way in: a customer, an external user of the partner, a partner not opted in or not approved.
    const customer = await createOrganization(db);
    const external = await partnerMember(db, { role: "EXTERNAL" });
    const optedOut = await partnerMember(db, { tendersOptIn: false });
    const unapproved = await partnerMember(db, { approved: false });
    for (const other of [asUser(customer.legalRepresentativeId), external.actor, optedOut.actor, unapproved.actor]) {
      await expect(getOpenTender(db, other, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listOpenTenders(db, other)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(getOpenTender(db, { kind: "anonymous" }, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Expired by the clock: gone from the list and its page, like an unknown call.
    clock.set(new Date(tender.validUntil.getTime() + 1));
    await expect(getOpenTender(db, partner.actor, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listOpenTenders(db, partner.actor)).tenders.map((t) => t.id)).not.toContain(tender.id);
    await expect(saveProposal(db, partner.actor, { tenderId: tender.id, partnerId: partner.partner.id, message: "Too late for this one?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await viewTenderByLink(db, (await createTenderView(db, tender.id)))).status).toBe("expired");
  });

  test("[TND-3] a partner's proposal is e-mailed to the submitter and shown on the submitter's link; one per partner, edited in place", async () => {
    const db = getDb();
    const partner = await partnerMember(db);
    const { tender, viewSecret } = await createTender(db, { locale: "en" });
    const first = await saveProposal(db, partner.actor, { tenderId: tender.id, partnerId: partner.partner.id, message: "We can build the shop in six weeks.", price: "4'500.50", currency: "CHF" });
    expect(first.updated).toBe(false);
    const mail = await waitForMail(mailbox(), { to: tender.contactEmail, subjectIncludes: "answered", timeoutMs: 15_000 });
    expect(mail.subject).toBe(`${partner.partner.displayName} answered your call for tenders “${tender.title}” on Manager`);
    expect(mail.text).toContain("We can build the shop in six weeks.");
    expect(mail.text).toContain(partner.partner.contactEmail);
    expect(mail.text).toMatch(/CHF\s4.500\.50/);

    const second = await saveProposal(db, partner.actor, { tenderId: tender.id, partnerId: partner.partner.id, message: "Revised: five weeks, same price.", price: "", currency: undefined });
    expect(second).toEqual({ proposalId: first.proposalId, updated: true });
    await waitForMail(mailbox(), { to: tender.contactEmail, subjectIncludes: "updated its proposal", timeoutMs: 15_000 });
    expect(await db.proposal.count({ where: { tenderId: tender.id } })).toBe(1);

    const view = await viewTenderByLink(db, viewSecret);
    expect(view.proposals).toEqual([expect.objectContaining({ message: "Revised: five weeks, same price.", priceMinor: null, partner: expect.objectContaining({ displayName: partner.partner.displayName }) })]);
    expect(view.proposals[0].updatedAt).not.toBeNull();
    await expect(viewTenderByLink(db, "not-a-real-secret")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[TND-3] nobody answers for a partner they are not in, and a non-partner gets NOT_FOUND", async () => {
    const db = getDb();
    const mine = await partnerMember(db);
    const theirs = await partnerMember(db);
    const customer = await createOrganization(db);
    const { tender } = await createTender(db);
    const form = { tenderId: tender.id, partnerId: theirs.partner.id, message: "Answering for someone else." };
    await expect(saveProposal(db, mine.actor, form)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveProposal(db, asUser(customer.legalRepresentativeId), form)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveProposal(db, mine.actor, { ...form, partnerId: mine.partner.id, price: "12abc", currency: "CHF" })).rejects.toThrow();
    // SEC-5: an amount past what the column holds is a field error, not a database failure.
    await expect(saveProposal(db, mine.actor, { ...form, partnerId: mine.partner.id, price: "999999999", currency: "CHF" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "tenders.errors.price" })] });
    expect(await db.proposal.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  test("[TND-4] cancelling takes effect at once for every partner, and the link works only once", async () => {
    const db = getDb();
    const a = await partnerMember(db);
    const b = await partnerMember(db, { role: "USER" });
    const { tender, cancelSecret } = await createTender(db);
    for (const p of [a, b]) expect((await listOpenTenders(db, p.actor)).tenders.map((t) => t.id)).toContain(tender.id);

    expect(await findTenderToCancel(db, cancelSecret)).toMatchObject({ id: tender.id });
    expect(await cancelTender(db, { secret: cancelSecret }, { ip: "198.51.100.9" })).toEqual({ title: tender.title });
    for (const p of [a, b]) {
      expect((await listOpenTenders(db, p.actor)).tenders.map((t) => t.id)).not.toContain(tender.id);
      await expect(getOpenTender(db, p.actor, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveProposal(db, p.actor, { tenderId: tender.id, partnerId: p.partner.id, message: "Is it still open?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Single use: the link is spent.
    await expect(cancelTender(db, { secret: cancelSecret })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findTenderToCancel(db, cancelSecret)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelTender(db, { secret: "unknown-secret" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const log = await db.auditLog.findMany({ where: { targetId: tender.id, action: "tender.cancelled" } });
    expect(log).toEqual([expect.objectContaining({ actorKind: "LINK_HOLDER", via: `link:tenderCancel:${tender.id}`, ip: "198.51.100.9" })]);
    // A cancelled call is never announced by the job.
    const { tender: quiet, cancelSecret: quietCancel } = await createTender(db, { announced: false });
    await cancelTender(db, { secret: quietCancel });
    await runExtractJob(db);
    expect((await db.tender.findUniqueOrThrow({ where: { id: quiet.id } })).announcedAt).toBeNull();
  });
});

describe("calls for tenders under concurrency", () => {
  test("[TND-3] two members of one partner answering at once leave one proposal; a cancel racing proposals leaves none after it", async () => {
    const db = getDb();
    const partner = await partnerMember(db);
    const colleague = await createUser(db);
    await addMember(db, partner.orgId, colleague.id, "USER");
    const { tender } = await createTender(db);
    const answers = await Promise.allSettled(
      [partner.actor, asUser(colleague.id), partner.actor, asUser(colleague.id)].map((actor, i) =>
        saveProposal(db, actor, { tenderId: tender.id, partnerId: partner.partner.id, message: `Answer number ${i} of the team.` }),
      ),
    );
    expect(answers.every((a) => a.status === "fulfilled")).toBe(true);
    expect(await db.proposal.count({ where: { tenderId: tender.id } })).toBe(1);
    expect(answers.filter((a) => a.status === "fulfilled" && !a.value.updated)).toHaveLength(1);

    const others = await Promise.all([partnerMember(db), partnerMember(db), partnerMember(db)]);
    const { tender: raced, cancelSecret } = await createTender(db);
    const [cancelled, ...proposals] = await Promise.allSettled([
      cancelTender(db, { secret: cancelSecret }),
      ...others.map((o) => saveProposal(db, o.actor, { tenderId: raced.id, partnerId: o.partner.id, message: "Racing the cancellation." })),
    ]);
    expect(cancelled.status).toBe("fulfilled");
    const row = await db.tender.findUniqueOrThrow({ where: { id: raced.id }, include: { proposals: true } });
    // Every proposal that got in was saved before the cancellation, none after it.
    const accepted = proposals.filter((p) => p.status === "fulfilled").length;
    expect(row.proposals).toHaveLength(accepted);
    for (const p of row.proposals) expect(p.createdAt.getTime()).toBeLessThanOrEqual(row.cancelledAt!.getTime());
    for (const p of proposals) if (p.status === "rejected") expect(p.reason).toMatchObject({ code: "NOT_FOUND" });
  });
});

/** Gives a call made by the factory a fresh view secret (the factory's own is returned at creation). */
async function createTenderView(db: Db, tenderId: string): Promise<string> {
  const secret = unique("view-secret");
  await db.tender.update({ where: { id: tenderId }, data: { viewTokenHash: hashSecret(secret) } });
  return secret;
}
