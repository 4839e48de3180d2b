import { systemJob } from "@/lib/access/actor";
import { rolesWith } from "@/lib/access/permissions";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db, Tx } from "@/lib/db";
import { sendEmail } from "@/lib/notifications/send-email";
import { DUNNING_STEPS, stepDate, type DunningStep } from "./schedule";

const BATCH = 200;

type Kind = DunningStep["kind"];

/**
 * BIL-1: one kind of dunning step (reminders, suspension, termination) for every unpaid invoice whose step
 * has fallen due. An invoice late enough for several steps takes only the last one (no string of stale
 * reminders). Each step moves the invoice's `dunningStep` forward by a conditional update, in the same
 * transaction as the products' change, and the mails go after the commit — so a job run twice, or two
 * runs at once, send once.
 */
export async function advanceDunning(db: Db, kind: Kind): Promise<{ invoices: number; mails: number; products: number }> {
  const job = systemJob(`dunning-${kind}`);
  const at = now();
  const totals = { invoices: 0, mails: 0, products: 0 };
  // Latest step first: an invoice that is already due for the second reminder skips the first.
  const steps = DUNNING_STEPS.filter((s) => s.kind === kind).toReversed();
  for (const step of steps) {
    const later = DUNNING_STEPS.filter((s) => s.step > step.step);
    let cursor: string | undefined;
    for (;;) {
      const due = await db.invoice.findMany({
        where: {
          status: "UNPAID",
          kind: "INVOICE",
          dunningStep: { lt: step.step },
          dueAt: { lte: new Date(at.getTime() - step.days * 86_400_000) },
          ...(cursor ? { id: { gt: cursor } } : {}),
        },
        select: { id: true, dueAt: true, dunningStep: true },
        orderBy: { id: "asc" },
        take: BATCH,
      });
      for (const invoice of due) {
        // A later step is due as well: that step's job takes it (the mail would be stale).
        if (later.some((s) => stepDate(invoice.dueAt, s.days) <= at && s.kind !== kind)) continue;
        const done = await takeStep(db, job, invoice.id, invoice.dunningStep, step, at);
        if (!done) continue;
        totals.invoices++;
        totals.products += done.products;
        totals.mails += await mailStep(db, done.invoice, step, done.productNames);
      }
      if (due.length < BATCH) break;
      cursor = due[due.length - 1]!.id;
    }
  }
  return totals;
}

async function takeStep(db: Db, job: ReturnType<typeof systemJob>, invoiceId: string, from: number, step: DunningStep, at: Date) {
  return db.$transaction(async (tx) => {
    const moved = await tx.invoice.updateMany({ where: { id: invoiceId, status: "UNPAID", dunningStep: from }, data: { dunningStep: step.step, dunningAt: at } });
    if (moved.count !== 1) return null;
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      select: { id: true, orgId: true, number: true, totalMinor: true, currency: true, dueAt: true, lines: { select: { productId: true } } },
    });
    const productIds = [...new Set(invoice.lines.map((l) => l.productId).filter((id): id is string => !!id))];
    let products = 0;
    if (step.kind === "suspension") {
      products = (await tx.product.updateMany({ where: { id: { in: productIds }, status: "ACTIVE" }, data: { status: "BLOCKED", blockedAt: at } })).count;
    } else if (step.kind === "termination") {
      products = (await tx.product.updateMany({ where: { id: { in: productIds }, status: { not: "TERMINATED" } }, data: { status: "TERMINATED", terminatedAt: at } })).count;
    }
    const action = step.kind === "reminder" ? "invoice.reminderSent" : step.kind === "suspension" ? "invoice.servicesSuspended" : "invoice.servicesTerminated";
    await audit(tx, job, { action, orgId: invoice.orgId, targetId: invoice.id, metadata: { step: step.step, products } });
    const productNames = (await tx.product.findMany({ where: { id: { in: productIds } }, select: { name: true }, orderBy: { name: "asc" } })).map((p) => p.name);
    return { invoice, products, productNames };
  });
}

type StepInvoice = { id: string; orgId: string; number: string; totalMinor: number; currency: string; dueAt: Date };

async function mailStep(db: Db, invoice: StepInvoice, step: DunningStep, productNames: string[]): Promise<number> {
  const people = await billingContacts(db, invoice.orgId);
  const link = `${config.appUrl}/${invoice.orgId}/invoices/${invoice.id}`;
  const terminationAt = stepDate(invoice.dueAt, DUNNING_STEPS.find((s) => s.kind === "termination")!.days);
  const products = productNames.join(", ");
  for (const p of people) {
    const common = { invoiceNumber: invoice.number, amountMinor: invoice.totalMinor, currency: invoice.currency, link, timeZone: p.timeZone };
    if (step.kind === "reminder") {
      await sendEmail(db, { to: p.email, template: "invoiceReminder", params: { ...common, dueAt: invoice.dueAt, second: step.step > 1 }, locale: p.locale });
    } else if (step.kind === "suspension") {
      await sendEmail(db, { to: p.email, template: "servicesSuspended", params: { ...common, products, terminationAt }, locale: p.locale });
    } else {
      await sendEmail(db, { to: p.email, template: "servicesTerminated", params: { ...common, products }, locale: p.locale });
    }
  }
  return people.length;
}

/**
 * Who receives billing mail: the members who asked for billing e-mails (ORG-2), else those whose role
 * reads billing (legal representatives and administrators).
 */
export async function billingContacts(db: Db | Tx, orgId: string) {
  const select = { user: { select: { email: true, locale: true, timeZone: true } } } as const;
  const chosen = await db.membership.findMany({ where: { orgId, contactPrefs: { has: "BILLING" } }, select, orderBy: { createdAt: "asc" } });
  const rows = chosen.length ? chosen : await db.membership.findMany({ where: { orgId, role: { in: rolesWith("billing.read") } }, select, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.user);
}
