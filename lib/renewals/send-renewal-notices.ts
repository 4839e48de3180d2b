import { DAY } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import type { RenewalNoticeKind } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/send-email";
import { payerRenewalMethod } from "./auto-renew-method";
import { billingRecipients } from "./billing-recipients";
import { billingMessagesOf } from "./renewal-amount";
import { payerAmount, renewalPayerOf, type RenewalPayer } from "./renewal-payer";
import { cardEnd, FIRST_ATTEMPT_DAYS, firstAttemptAt, MAX_REMINDER_DAYS } from "./schedule";

/** BIL-9: how long before the first attempt a card that will have expired by then is announced. */
export const CARD_WARNING_DAYS = 30;

const PRODUCT = {
  id: true, orgId: true, name: true, expiresAt: true, priceMinor: true, autoRenewMethodId: true,
  organization: { select: { name: true, currency: true, country: true, vatNumber: true, vatNumberValid: true } },
} as const;

/** Claims a notice: true for the one run that may send it (the row's key is product, expiry and kind). */
async function claim(db: Db, productId: string, expiresAt: Date, kind: RenewalNoticeKind, at: Date): Promise<boolean> {
  const { count } = await db.renewalNotice.createMany({ data: [{ productId, expiresAt, kind, sentAt: at }], skipDuplicates: true });
  return count === 1;
}

const renewalsUrl = (orgId: string, productId: string) => `${config.appUrl}/${orgId}/payments/renewals?product=${productId}`;

/**
 * BIL-10 reminders, each sent once per product and expiry date (RenewalNotice):
 * - products without auto-renewal, once the deadline is within the Organization's reminder delay (when
 *   it wants reminders at all);
 * - products with auto-renewal, 14 days before expiry (the first attempt), unless the Organization
 *   turned renewal e-mails off;
 * - BIL-9: a product whose saved card ends before the first attempt, up to 30 days ahead of it.
 * PRT-5: they go to whoever pays the renewal (renewalPayerOf): the client's billing people, or — while a
 * full partnership makes the partner pay — the partner's, under the partner's billing messages, naming
 * the client and the product, with the partner's price and the partner's own method.
 */
export async function sendRenewalNotices(db: Db, at: Date): Promise<{ reminded: number; autoReminded: number; cardWarnings: number }> {
  const counts = { reminded: 0, autoReminded: 0, cardWarnings: 0 };
  // Read once per Organization and run, however many of its products are due.
  const prefsCache = new Map<string, ReturnType<typeof billingMessagesOf>>();
  const recipientsCache = new Map<string, ReturnType<typeof billingRecipients>>();
  const prefsOf = (orgId: string) => prefsCache.get(orgId) ?? prefsCache.set(orgId, billingMessagesOf(db, orgId)).get(orgId)!;
  const recipientsOf = (orgId: string) => recipientsCache.get(orgId) ?? recipientsCache.set(orgId, billingRecipients(db, orgId)).get(orgId)!;
  const payerCache = new Map<string, Promise<RenewalPayer>>();
  const payerOfClient = (p: { orgId: string; organization: RenewalPayer["org"] }) =>
    payerCache.get(p.orgId) ?? payerCache.set(p.orgId, renewalPayerOf(db, p.orgId, p.organization)).get(p.orgId)!;
  const methodCache = new Map<string, ReturnType<typeof payerRenewalMethod>>();
  const partnerMethodOf = (orgId: string) => methodCache.get(orgId) ?? methodCache.set(orgId, payerRenewalMethod(db, orgId, at)).get(orgId)!;
  const live = { status: { not: "TERMINATED" as const }, expiresAt: { gt: at } };

  const manual = await db.product.findMany({ where: { ...live, autoRenew: false, expiresAt: { gt: at, lte: new Date(at.getTime() + MAX_REMINDER_DAYS * DAY) } }, select: PRODUCT });
  for (const p of manual) {
    const payer = await payerOfClient(p);
    const prefs = await prefsOf(payer.orgId);
    const left = p.expiresAt.getTime() - at.getTime();
    if (!prefs.remindersEnabled || left > prefs.reminderDaysBefore * DAY) continue;
    if (!(await claim(db, p.id, p.expiresAt, "REMINDER", at))) continue;
    for (const r of await recipientsOf(payer.orgId)) {
      await sendEmail(db, {
        to: r.email,
        locale: r.locale,
        template: "renewalReminder",
        params: { organizationName: p.organization.name, productName: p.name, expiresAt: p.expiresAt, daysLeft: Math.ceil(left / DAY), settingDays: prefs.reminderDaysBefore, url: renewalsUrl(p.orgId, p.id), timeZone: r.timeZone, ...partner(payer) },
      });
    }
    counts.reminded++;
  }

  const automatic = await db.product.findMany({
    where: { ...live, autoRenew: true, autoRenewMethodId: { not: null }, expiresAt: { gt: at, lte: new Date(at.getTime() + (FIRST_ATTEMPT_DAYS + CARD_WARNING_DAYS) * DAY) } },
    select: PRODUCT,
  });
  const methodIds = [...new Set(automatic.map((p) => p.autoRenewMethodId!))];
  const methods = new Map((await db.paymentMethod.findMany({ where: { id: { in: methodIds }, removedAt: null } })).map((m) => [m.id, m]));
  for (const p of automatic) {
    const payer = await payerOfClient(p);
    // A partner paying for the client renews with its own method; without one, the attempt tells it (attemptRenewal).
    const own = methods.get(p.autoRenewMethodId!);
    const method = payer.partnerName ? await partnerMethodOf(payer.orgId) : own?.orgId === p.orgId ? own : null;
    if (!method) continue;
    const attemptAt = firstAttemptAt(p.expiresAt);
    const end = cardEnd(method);
    if (at < attemptAt && end && end <= attemptAt && (await claim(db, p.id, p.expiresAt, "CARD_EXPIRING", at))) {
      for (const r of await recipientsOf(payer.orgId)) {
        await sendEmail(db, {
          to: r.email,
          locale: r.locale,
          template: "cardExpiring",
          params: { organizationName: p.organization.name, productName: p.name, method: method.label, attemptAt, url: renewalsUrl(p.orgId, p.id), timeZone: r.timeZone, ...partner(payer) },
        });
      }
      counts.cardWarnings++;
    }
    if (at < attemptAt) continue;
    if (!(await prefsOf(payer.orgId)).notifyRenewal) continue;
    if (!(await claim(db, p.id, p.expiresAt, "AUTO_REMINDER", at))) continue;
    const { totalMinor } = payerAmount(payer, p);
    for (const r of await recipientsOf(payer.orgId)) {
      await sendEmail(db, {
        to: r.email,
        locale: r.locale,
        template: "autoRenewalReminder",
        params: {
          organizationName: p.organization.name,
          productName: p.name,
          expiresAt: p.expiresAt,
          attemptAt,
          amount: formatMoney(totalMinor, payer.org.currency, r.locale),
          method: method.label,
          url: renewalsUrl(p.orgId, p.id),
          timeZone: r.timeZone,
          ...partner(payer),
        },
      });
    }
    counts.autoReminded++;
  }
  return counts;
}

/** PRT-5: the paying partner's name on a notice it receives for its client (nothing when the client pays). */
const partner = (payer: RenewalPayer) => (payer.partnerName ? { partnerName: payer.partnerName } : {});
