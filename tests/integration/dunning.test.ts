import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, inject, test } from "vitest";
import { clock, DAY, HOUR } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listCaughtMail } from "@/lib/dev/mailbox";
import { DUNNING_DAYS } from "@/lib/dunning/schedule";
import { findJob } from "@/lib/jobs/definitions";
import { payWithCard } from "@/lib/payments/sandbox/hosted-page";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { createInvoice, createOrganization, createProducts } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const db = getDb();
const mailbox = inject("mailboxUrl");
const T0 = new Date("2026-04-01T00:00:00Z");
const P = process.env.PROVIDER_NAME || "Manager";
const run = (name: string) => findJob(name)!.run(db);
const at = (days: number) => clock.set(new Date(T0.getTime() + days * DAY + HOUR));

/** An Organization with two products and one invoice for them, due at T0. */
async function overdue() {
  clock.set(new Date(T0.getTime() - 30 * DAY));
  const org = await createOrganization(db);
  const owner = await db.user.findUniqueOrThrow({ where: { id: org.legalRepresentativeId } });
  const [site, domain, other] = await createProducts(db, [
    { orgId: org.id, name: "Hosting alpine.ch" },
    { orgId: org.id, name: "alpine.ch" },
    { orgId: org.id, name: "untouched.ch" },
  ]);
  const invoice = await createInvoice(db, {
    org,
    dueAt: T0,
    lines: [
      { description: "Hosting", unitPriceMinor: 12_000, productId: site.id },
      { description: "Domain", unitPriceMinor: 1_500, productId: domain.id },
    ],
  });
  const statuses = async () => (await db.product.findMany({ where: { id: { in: [site.id, domain.id, other.id] } }, orderBy: { name: "asc" }, select: { name: true, status: true } })).map((p) => `${p.name}:${p.status}`);
  const mails = async () => (await listCaughtMail(mailbox, { to: owner.email })).filter((m) => m.subject?.includes(invoice.number)).map((m) => m.subject!);
  return { org, owner, invoice, site, domain, statuses, mails };
}

describe("Dunning (BIL-1)", () => {
  test("[BIL-1] an unpaid invoice gets two reminders, then its products are suspended, then terminated — each step by its job, on its day, once however often the jobs run", async () => {
    const d = await overdue();
    at(DUNNING_DAYS.firstReminder - 1);
    await run("dunning-reminders");
    expect(await d.mails()).toEqual([]);

    at(DUNNING_DAYS.firstReminder);
    await run("dunning-reminders");
    await run("dunning-reminders");
    await run("dunning-suspensions");
    expect(await d.mails()).toEqual([`Reminder: ${P} invoice ${d.invoice.number} is unpaid`]);

    at(DUNNING_DAYS.secondReminder);
    await run("dunning-reminders");
    await run("dunning-reminders");
    expect((await d.mails())[0]).toBe(`Last reminder: ${P} invoice ${d.invoice.number} is unpaid`);
    expect(await d.mails()).toHaveLength(2);
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:ACTIVE", "alpine.ch:ACTIVE", "untouched.ch:ACTIVE"]);

    at(DUNNING_DAYS.suspension);
    await run("dunning-suspensions");
    await run("dunning-suspensions");
    await run("dunning-reminders");
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:BLOCKED", "alpine.ch:BLOCKED", "untouched.ch:ACTIVE"]);
    expect(await d.mails()).toHaveLength(3);
    expect((await d.mails())[0]).toBe(`Services suspended: ${P} invoice ${d.invoice.number} is unpaid`);

    at(DUNNING_DAYS.termination - 1);
    await run("dunning-terminations");
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:BLOCKED", "alpine.ch:BLOCKED", "untouched.ch:ACTIVE"]);
    at(DUNNING_DAYS.termination);
    await run("dunning-terminations");
    await run("dunning-terminations");
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:TERMINATED", "alpine.ch:TERMINATED", "untouched.ch:ACTIVE"]);
    expect(await d.mails()).toHaveLength(4);
    expect((await d.mails())[0]).toBe(`Services terminated: ${P} invoice ${d.invoice.number} was not paid`);
  });

  test("[BIL-1] paying a suspended invoice lifts the suspension at once, and nothing is terminated later", async () => {
    const d = await overdue();
    at(DUNNING_DAYS.suspension);
    await run("dunning-suspensions");
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:BLOCKED", "alpine.ch:BLOCKED", "untouched.ch:ACTIVE"]);

    const owner = asUser(d.org.legalRepresentativeId);
    const started = await startInvoicePayment(db, owner, { orgId: d.org.id, invoiceId: d.invoice.id, method: "CARD", idempotencyKey: randomUUID() });
    await payWithCard(decodeURIComponent(started.redirectUrl.split("/").pop()!), { number: "4242424242424242", expiry: "12/30", cvc: "123" });
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:ACTIVE", "alpine.ch:ACTIVE", "untouched.ch:ACTIVE"]);

    at(DUNNING_DAYS.termination + 5);
    await run("dunning-terminations");
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:ACTIVE", "alpine.ch:ACTIVE", "untouched.ch:ACTIVE"]);
    expect(await d.mails()).toHaveLength(1);
  });

  test("[BIL-1] an invoice found late takes only the step now due: no string of stale reminders", async () => {
    const d = await overdue();
    at(DUNNING_DAYS.termination + 1);
    await run("dunning-reminders");
    await run("dunning-suspensions");
    await run("dunning-terminations");
    expect(await d.statuses()).toEqual(["Hosting alpine.ch:TERMINATED", "alpine.ch:TERMINATED", "untouched.ch:ACTIVE"]);
    expect(await d.mails()).toEqual([`Services terminated: ${P} invoice ${d.invoice.number} was not paid`]);
  });
});
