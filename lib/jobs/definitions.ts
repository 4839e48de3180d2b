import { deliverPendingPasswordResets } from "@/lib/accounts/deliver-password-reset";
import { disableIdleTokens } from "@/lib/api-tokens/disable-idle-tokens";
import { warnExpiringTokens } from "@/lib/api-tokens/warn-expiring-tokens";
import type { Db } from "@/lib/db";
import { advanceDunning } from "@/lib/dunning/advance-dunning";
import type { DunningStep } from "@/lib/dunning/schedule";
import { runBlockedOrders } from "@/lib/orders/blocked-orders-job";
import { purgeIdentityFiles } from "@/lib/identity/purge-files";
import { refundDuePayments } from "@/lib/payments/refund-due-payments";
import { runRenewals } from "@/lib/renewals/run-renewals";
import { endExpiredGrants } from "@/lib/support/end-expired-grants";
import { announceTenders } from "@/lib/tenders/announce-tenders";

/** A recurring job: idempotent, safe to run late or twice, since a missed run is caught up by the next. */
export type JobDefinition = {
  name: string;
  /** Five-field cron expression, in UTC. */
  cron: string;
  description: string;
  run(db: Db): Promise<Record<string, number>>;
};

type DunningKind = DunningStep["kind"];

/** BIL-1: one daily job per kind of dunning step (days in lib/dunning/schedule.ts), ten minutes apart. */
const DUNNING_JOB_SPECS: Record<DunningKind, { minute: number; does: string }> = {
  reminder: { minute: 0, does: "remind the billing contacts of invoices past their due date (lib/dunning/schedule.ts)" },
  suspension: { minute: 10, does: "suspend the products of invoices still unpaid after the reminders" },
  termination: { minute: 20, does: "terminate the products of invoices still unpaid after the suspension" },
};
const DUNNING_KINDS = Object.keys(DUNNING_JOB_SPECS) as DunningKind[];

/** The dunning jobs differ only by the step they take: `dunning-reminders`, `dunning-suspensions`, `dunning-terminations`. */
function dunningJob<K extends DunningKind>(kind: K) {
  const { minute, does } = DUNNING_JOB_SPECS[kind];
  return {
    name: `dunning-${kind}s` as const,
    cron: `${minute} 6 * * *`,
    description: `BIL-1: ${does}`,
    run: (db: Db) => advanceDunning(db, kind),
  } satisfies JobDefinition;
}

export const JOBS = [
  {
    name: "api-tokens-daily",
    cron: "15 3 * * *",
    description: "TOK-3: warn owners 30 and 7 days ahead, then disable tokens unused for a year",
    async run(db) {
      const { warned } = await warnExpiringTokens(db);
      const { disabled } = await disableIdleTokens(db);
      return { warned, disabled };
    },
  },
  {
    name: "identity-files-purge",
    cron: "*/10 * * * *",
    description: "IDV-3: expire identity checks not handled within 72 hours and delete their photos",
    run: (db) => purgeIdentityFiles(db),
  },
  {
    name: "support-grants-end",
    cron: "5 * * * *",
    description: "SUP-2: mark support grants older than 7 days as ended (reads already refuse them)",
    run: (db) => endExpiredGrants(db),
  },
  {
    name: "password-reset-mails",
    cron: "* * * * *",
    description: "ACC-4 / SEC-9: mail reset requests left undelivered after their answer; forget requests after a day",
    run: (db) => deliverPendingPasswordResets(db),
  },
  {
    name: "tender-extracts",
    cron: "* * * * *",
    description: "TND-2: mail an extract of each new call for tenders to every approved partner that opted in",
    run: (db) => announceTenders(db),
  },
  {
    name: "renewals-daily",
    cron: "30 4 * * *",
    description: "BIL-9 / BIL-10: renewal reminders, card-expiry warnings, automatic renewal attempts 14 days before expiry and their retries",
    run: (db) => runRenewals(db),
  },
  {
    name: "blocked-orders",
    cron: "* * * * *",
    description: "IDV-4: mail the unblock procedure of newly blocked orders; cancel and refund those blocked 10 days",
    run: (db) => runBlockedOrders(db),
  },
  {
    name: "payment-refunds",
    cron: "* * * * *",
    description: "BIL-5: refund through the operator the payments that arrived for an invoice already paid (REFUND_DUE), once each",
    run: (db) => refundDuePayments(db),
  },
  ...DUNNING_KINDS.map(dunningJob),
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof JOBS)[number]["name"];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
