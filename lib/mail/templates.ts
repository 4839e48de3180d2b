import { createFormatter, createTranslator } from "use-intl/core";
import type { MessageKeys, NestedKeyOf, TranslationValues } from "use-intl/core";
import type { PaymentFailure } from "@/lib/payments/types";
import { formatMoney } from "@/lib/format/money";
import { escapeHtml, renderHtml, renderText } from "./layout";
import type { MailBlock } from "./layout";
import de from "./messages/de.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import it from "./messages/it.json";

export const MAIL_LOCALES = ["en", "fr", "de", "it"] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

type Catalogue = typeof en;
const catalogues: Record<MailLocale, Catalogue> = { en, fr, de, it };

export type MailTemplates = {
  passwordReset: { link: string; expiresInMinutes: number };
  invitation: { inviterName: string; organizationName: string; link: string; expiresInDays: number };
  /** `timeZone` is the recipient's (IANA name); the time is shown in UTC without it. */
  newSignIn: { when: Date; ip: string; device: string; timeZone?: string };
  welcome: { name: string; organizationName: string; consoleUrl: string };
  /** SEC-2: proves the login e-mail after sign-up; `link` carries the confirmation secret. */
  emailConfirm: { email: string; link: string; expiresInHours: number };
  /** SEC-2: someone signed up with an address that already has an account; no secret, only public pages. */
  signUpAttempt: { signInUrl: string; resetUrl: string };
  /** TOK-3: an API token stops working soon, because it expires or because it has been unused for a year. */
  apiTokenWarning: { tokenName: string; organizationName: string; reason: "expiry" | "idle"; when: Date; days: number; consoleUrl: string; timeZone?: string };
  /** The password was changed from the security page; `resetUrl` is the "forgot password" page (no secret). */
  passwordChanged: { when: Date; resetUrl: string; timeZone?: string };
  /** ACC-1: sent to the NEW login e-mail; `link` carries the confirmation secret. */
  emailChangeConfirm: { newEmail: string; link: string; expiresInHours: number };
  /** ACC-1: sent to the OLD login e-mail when a change is requested. */
  emailChangeNotice: { newEmail: string; resetUrl: string };
  /** 2FA-3 / IDV-2: the link (with its secret) to an identity-verification case. */
  verificationRequested: { link: string; expiresAt: Date; timeZone?: string; reason?: "LOST_TWO_FACTOR" | "FORGOTTEN_PASSWORD" | "FORGOTTEN_LOGIN" };
  /** IDV-2: the case was approved; `twoFactorRemoved` when the user's 2FA was reset by it. */
  verificationApproved: { twoFactorRemoved: boolean; signInUrl: string };
  /** IDV-2: the case was rejected. */
  verificationRejected: { supportEmail: string };
  /** SUP-4: the staff handling a support request replied; `link` opens the conversation (no secret: sign-in needed). */
  supportReply: { subject: string; link: string };
  /** SUP-4: staff closed the request, with their reason (no secret: the link needs a session). */
  supportClosed: { subject: string; reason: string; link: string };
  /** IDV-1: an approved forgotten-login case; `link` carries a single-use recovery secret, sent to the verified address. */
  identityRecovery: { link: string; expiresInHours: number; reason: "FORGOTTEN_PASSWORD" | "FORGOTTEN_LOGIN" };
  /** The person deleted their account (sent to the former login e-mail). */
  accountDeleted: { name: string };
  /** 2FA-4: a verification method was added or removed, or two-step verification turned off. */
  twoFactorChanged: { change: "methodAdded" | "methodRemoved" | "disabled"; method: "TOTP" | "PUSH" | "SMS" | null; when: Date; securityUrl: string; timeZone?: string };
  /** TND-4: to the submitter of a call for tenders; `viewLink` and `cancelLink` carry their secrets. */
  tenderSubmitted: { title: string; validUntil: Date; viewLink: string; cancelLink: string };
  /** TND-2: to an opted-in partner; an extract only, never the submitter's contact details. */
  tenderExtract: { title: string; excerpt: string; budget: string | null; validUntil: Date; url: string };
  /** TND-3: a partner's proposal, to the submitter (no secret: the link to all proposals is in the first mail). */
  tenderProposal: { title: string; partner: string; email: string; website: string; message: string; price: string | null; updated: boolean };
  /** PRT-1: the partner-programme application was approved; `resellerUrl` is the reseller area (no secret). */
  partnerApproved: { companyName: string; resellerUrl: string };
  /** PRT-1: the application was rejected, with the staff's reason. */
  partnerRejected: { companyName: string; reason: string; supportEmail: string };
  /** PRT-4: a client invites a partner; both links carry the invitation's secret. */
  partnerInvitation: { clientName: string; inviterName: string; access: "LIMITED" | "FULL"; acceptLink: string; refuseLink: string; expiresInDays: number };
  /** PRT-6: the client changed who pays. */
  partnerPayerChanged: { clientName: string; payer: "CLIENT" | "PARTNER"; consoleUrl: string };
  /** PRT-7: the other side ended the partnership. */
  partnershipEnded: { clientName: string; partnerName: string; endedBy: "client" | "partner"; consoleUrl: string };
  /**
 * BIL-10: a product without auto-renewal nears its deadline; `days` is the Organization's setting. With
 * `partnerName` (also on the other renewal notices), the mail goes to the partner paying for the client
 * `organizationName` (PRT-5) and says so.
 */
  renewalReminder: { organizationName: string; productName: string; expiresAt: Date; daysLeft: number; settingDays: number; url: string; timeZone?: string; partnerName?: string };
  /** BIL-10: J-14, the automatic renewal is about to be charged. `amount` is already formatted. */
  autoRenewalReminder: { organizationName: string; productName: string; expiresAt: Date; attemptAt: Date; amount: string; method: string; url: string; timeZone?: string; partnerName?: string };
  /** BIL-10: confirmation of the renewal and of the debit. */
  renewalSucceeded: { organizationName: string; productName: string; until: Date; amount: string; method: string; invoiceNumber: string; url: string; timeZone?: string };
  /** BIL-10: an invoice was issued (`method` when it is already paid). */
  invoiceIssued: { organizationName: string; invoiceNumber: string; amount: string; method: string | null; url: string };
  /** BIL-9: an automatic renewal attempt failed; `nextAttemptAt` null after the last one. */
  renewalFailed: { organizationName: string; productName: string; expiresAt: Date; amount: string; method: string; failure: PaymentFailure; nextAttemptAt: Date | null; url: string; timeZone?: string };
  /** BIL-9: the saved card stops working before the next attempt. */
  cardExpiring: { organizationName: string; productName: string; method: string; attemptAt: Date; url: string; timeZone?: string; partnerName?: string };
  /** PRT-5: the partner paying for the client has no saved method that renews by itself: nothing was charged. */
  renewalNoMethod: { organizationName: string; partnerName: string; productName: string; expiresAt: Date; nextAttemptAt: Date | null; url: string; timeZone?: string };
  /** IDV-4: an order was blocked; `link` (with its secret) opens the identity check that unblocks it. */
  orderBlocked: { orderNumber: string; link: string; linkExpiresAt: Date; cancelAt: Date; timeZone?: string };
  /** IDV-4: a blocked order was cancelled after 10 days and its payment refunded. */
  orderCancelled: { orderNumber: string; amountMinor: number; currency: string };
  /** BIL-1: an invoice is past its due date (`second`: the last reminder before suspension). */
  invoiceReminder: { invoiceNumber: string; amountMinor: number; currency: string; dueAt: Date; second: boolean; link: string; timeZone?: string };
  /** BIL-1: the products an unpaid invoice covers are suspended until it is paid. */
  servicesSuspended: { invoiceNumber: string; amountMinor: number; currency: string; products: string; terminationAt: Date; link: string; timeZone?: string };
  /** BIL-1: the products an unpaid invoice covered are terminated. */
  servicesTerminated: { invoiceNumber: string; amountMinor: number; currency: string; products: string; link: string; timeZone?: string };
};
export type TemplateName = keyof MailTemplates;
export type TemplateParams<K extends TemplateName> = MailTemplates[K];
export type RenderedMail = { subject: string; text: string; html: string };

type Translate = (key: MessageKeys<Catalogue, NestedKeyOf<Catalogue>>, values?: TranslationValues) => string;
type Context = { t: Translate; locale: MailLocale };
type Body = { subject: string; greeting?: string; blocks: MailBlock[] };

const day = (locale: MailLocale, when: Date, timeZone?: string) => createFormatter({ locale, timeZone: timeZone ?? "UTC" }).dateTime(when, { dateStyle: "long" });

/** PRT-5: on a renewal notice sent to the partner that pays for the client, the reason it receives it. */
const asPartner = (t: Translate, p: { organizationName: string; partnerName?: string }): MailBlock[] =>
  p.partnerName ? [paragraph(t("renewal.asPartner", { partnerName: p.partnerName, organizationName: p.organizationName }))] : [];

const templates: { [K in TemplateName]: (p: MailTemplates[K], c: Context) => Body } = {
  renewalReminder: (p, { t, locale }) => {
    const values = { productName: p.productName, organizationName: p.organizationName, when: day(locale, p.expiresAt, p.timeZone) };
    return {
      subject: t("renewal.reminder.subject", { ...values, days: p.daysLeft }),
      blocks: [paragraph(t("renewal.reminder.intro", values)), ...asPartner(t, p), action(t, t("renewal.reminder.action"), p.url), paragraph(t("renewal.reminder.settings", { days: p.settingDays }))],
    };
  },
  autoRenewalReminder: (p, { t, locale }) => {
    const values = { productName: p.productName, organizationName: p.organizationName, when: day(locale, p.expiresAt, p.timeZone), attemptDate: day(locale, p.attemptAt, p.timeZone), amount: p.amount, method: p.method };
    return {
      subject: t("renewal.autoReminder.subject", values),
      blocks: [paragraph(t("renewal.autoReminder.intro", values)), ...asPartner(t, p), paragraph(t("renewal.autoReminder.off")), action(t, t("renewal.autoReminder.action"), p.url)],
    };
  },
  renewalSucceeded: (p, { t, locale }) => {
    const values = { productName: p.productName, organizationName: p.organizationName, until: day(locale, p.until, p.timeZone), amount: p.amount, method: p.method, invoiceNumber: p.invoiceNumber };
    return {
      subject: t("renewal.succeeded.subject", values),
      blocks: [paragraph(t("renewal.succeeded.intro", values)), paragraph(t("renewal.succeeded.invoice", values)), action(t, t("renewal.succeeded.action"), p.url)],
    };
  },
  invoiceIssued: (p, { t }) => {
    const values = { organizationName: p.organizationName, invoiceNumber: p.invoiceNumber, amount: p.amount, method: p.method ?? "" };
    return {
      subject: t("renewal.invoiceIssued.subject", values),
      blocks: [paragraph(t("renewal.invoiceIssued.intro", values)), ...(p.method ? [paragraph(t("renewal.invoiceIssued.paid", values))] : []), action(t, t("renewal.invoiceIssued.action"), p.url)],
    };
  },
  renewalFailed: (p, { t, locale }) => {
    const values = {
      productName: p.productName,
      organizationName: p.organizationName,
      amount: p.amount,
      method: p.method,
      reason: t(`renewal.failures.${p.failure}`),
      when: day(locale, p.expiresAt, p.timeZone),
      nextDate: p.nextAttemptAt ? day(locale, p.nextAttemptAt, p.timeZone) : "",
    };
    return {
      subject: t("renewal.failed.subject", values),
      blocks: [paragraph(t("renewal.failed.intro", values)), paragraph(p.nextAttemptAt ? t("renewal.failed.retry", values) : t("renewal.failed.last", values)), action(t, t("renewal.failed.action"), p.url)],
    };
  },
  cardExpiring: (p, { t, locale }) => {
    const values = { productName: p.productName, organizationName: p.organizationName, method: p.method, attemptDate: day(locale, p.attemptAt, p.timeZone) };
    return {
      subject: t("renewal.cardExpiring.subject", values),
      blocks: [paragraph(t("renewal.cardExpiring.intro", values)), ...asPartner(t, p), paragraph(t("renewal.cardExpiring.next")), action(t, t("renewal.cardExpiring.action"), p.url)],
    };
  },
  renewalNoMethod: (p, { t, locale }) => {
    const values = { productName: p.productName, organizationName: p.organizationName, partnerName: p.partnerName, when: day(locale, p.expiresAt, p.timeZone), nextDate: p.nextAttemptAt ? day(locale, p.nextAttemptAt, p.timeZone) : "" };
    return {
      subject: t("renewal.noMethod.subject", values),
      blocks: [paragraph(t("renewal.noMethod.intro", values)), paragraph(p.nextAttemptAt ? t("renewal.noMethod.retry", values) : t("renewal.noMethod.last", values)), action(t, t("renewal.noMethod.action"), p.url)],
    };
  },
  passwordReset: (p, { t }) => ({
    subject: t("passwordReset.subject"),
    blocks: [
      paragraph(t("passwordReset.intro")),
      action(t, t("passwordReset.action"), p.link),
      paragraph(t("passwordReset.expiry", { minutes: p.expiresInMinutes })),
      paragraph(t("passwordReset.ignore")),
    ],
  }),
  invitation: (p, { t }) => {
    const names = { inviterName: p.inviterName, organizationName: p.organizationName };
    return {
      subject: t("invitation.subject", names),
      blocks: [
        paragraph(t("invitation.intro", names)),
        action(t, t("invitation.action"), p.link),
        paragraph(t("invitation.expiry", { days: p.expiresInDays })),
        paragraph(t("invitation.ignore")),
      ],
    };
  },
  newSignIn: (p, { t, locale }) => {
    const timeZone = p.timeZone ?? "UTC";
    const when = createFormatter({ locale, timeZone }).dateTime(p.when, { dateStyle: "long", timeStyle: "long" });
    return {
      subject: t("newSignIn.subject"),
      blocks: [
        paragraph(t("newSignIn.intro")),
        {
          kind: "details",
          lines: [
            t("newSignIn.when", { when }),
            t("newSignIn.ip", { ip: p.ip }),
            t("newSignIn.device", { device: p.device }),
          ],
        },
        paragraph(t("newSignIn.ok")),
        paragraph(t("newSignIn.notYou")),
      ],
    };
  },
  welcome: (p, { t }) => ({
    subject: t("welcome.subject", { name: p.name }),
    greeting: t("common.greetingName", { name: p.name }),
    blocks: [
      paragraph(t("welcome.intro", { organizationName: p.organizationName })),
      action(t, t("welcome.action"), p.consoleUrl),
      paragraph(t("welcome.help")),
    ],
  }),
  emailConfirm: (p, { t }) => ({
    subject: t("emailConfirm.subject"),
    blocks: [
      paragraph(t("emailConfirm.intro", { email: p.email })),
      action(t, t("emailConfirm.action"), p.link),
      paragraph(t("emailConfirm.expiry", { hours: p.expiresInHours })),
      paragraph(t("emailConfirm.ignore")),
    ],
  }),
  signUpAttempt: (p, { t }) => ({
    subject: t("signUpAttempt.subject"),
    blocks: [
      paragraph(t("signUpAttempt.intro")),
      paragraph(t("signUpAttempt.ifYou")),
      action(t, t("signUpAttempt.signIn"), p.signInUrl),
      action(t, t("signUpAttempt.reset"), p.resetUrl),
      paragraph(t("signUpAttempt.notYou")),
    ],
  }),
  apiTokenWarning: (p, { t, locale }) => {
    const when = createFormatter({ locale, timeZone: p.timeZone ?? "UTC" }).dateTime(p.when, { dateStyle: "long" });
    const values = { tokenName: p.tokenName, organizationName: p.organizationName, when, days: p.days };
    return {
      subject: t("apiTokenWarning.subject", values),
      blocks: [
        paragraph(p.reason === "expiry" ? t("apiTokenWarning.expiry", values) : t("apiTokenWarning.idle", values)),
        action(t, t("apiTokenWarning.action"), p.consoleUrl),
        paragraph(t("apiTokenWarning.ignore")),
      ],
    };
  },
  twoFactorChanged: (p, { t, locale }) => {
    const when = createFormatter({ locale, timeZone: p.timeZone ?? "UTC" }).dateTime(p.when, { dateStyle: "long", timeStyle: "long" });
    const method = p.method ? t(`twoFactorChanged.methods.${p.method}`) : "";
    return {
      subject: t(`twoFactorChanged.subject.${p.change}`),
      blocks: [
        paragraph(t(`twoFactorChanged.intro.${p.change}`, { when, method })),
        paragraph(t("twoFactorChanged.notYou")),
        action(t, t("twoFactorChanged.action"), p.securityUrl),
      ],
    };
  },
  partnerInvitation: (p, { t }) => {
    const names = { clientName: p.clientName, inviterName: p.inviterName };
    return {
      subject: t("partnerInvitation.subject", names),
      blocks: [
        paragraph(t("partnerInvitation.intro", names)),
        paragraph(t(`partnerInvitation.access.${p.access}`)),
        action(t, t("partnerInvitation.accept"), p.acceptLink),
        action(t, t("partnerInvitation.refuse"), p.refuseLink),
        paragraph(t("partnerInvitation.expiry", { days: p.expiresInDays })),
      ],
    };
  },
  partnerPayerChanged: (p, { t }) => ({
    subject: t("partnerPayerChanged.subject", { clientName: p.clientName }),
    blocks: [paragraph(t(`partnerPayerChanged.intro.${p.payer}`, { clientName: p.clientName })), action(t, t("partnerPayerChanged.action"), p.consoleUrl)],
  }),
  partnershipEnded: (p, { t }) => {
    const names = { clientName: p.clientName, partnerName: p.partnerName };
    return {
      subject: t("partnershipEnded.subject", names),
      blocks: [paragraph(t(`partnershipEnded.intro.${p.endedBy}`, names)), action(t, t("partnershipEnded.action"), p.consoleUrl)],
    };
  },
  passwordChanged: (p, { t, locale }) => {
    const when = createFormatter({ locale, timeZone: p.timeZone ?? "UTC" }).dateTime(p.when, { dateStyle: "long", timeStyle: "long" });
    return {
      subject: t("credentials.passwordChanged.subject"),
      blocks: [
        paragraph(t("credentials.passwordChanged.intro", { when })),
        paragraph(t("credentials.passwordChanged.notYou")),
        action(t, t("credentials.passwordChanged.action"), p.resetUrl),
      ],
    };
  },
  emailChangeConfirm: (p, { t }) => ({
    subject: t("credentials.emailChangeConfirm.subject"),
    blocks: [
      paragraph(t("credentials.emailChangeConfirm.intro", { newEmail: p.newEmail })),
      action(t, t("credentials.emailChangeConfirm.action"), p.link),
      paragraph(t("credentials.emailChangeConfirm.expiry", { hours: p.expiresInHours })),
      paragraph(t("credentials.emailChangeConfirm.ignore")),
    ],
  }),
  emailChangeNotice: (p, { t }) => ({
    subject: t("credentials.emailChangeNotice.subject"),
    blocks: [
      paragraph(t("credentials.emailChangeNotice.intro", { newEmail: p.newEmail })),
      paragraph(t("credentials.emailChangeNotice.pending")),
      paragraph(t("credentials.emailChangeNotice.notYou")),
      action(t, t("credentials.emailChangeNotice.action"), p.resetUrl),
    ],
  }),
  verificationRequested: (p, { t, locale }) => {
    const expiresAt = createFormatter({ locale, timeZone: p.timeZone ?? "UTC" }).dateTime(p.expiresAt, { dateStyle: "long", timeStyle: "short" });
    return {
      subject: t("verification.requested.subject"),
      blocks: [
        paragraph(
          p.reason === "FORGOTTEN_PASSWORD"
            ? t("verification.requested.introForgottenPassword")
            : p.reason === "FORGOTTEN_LOGIN"
              ? t("verification.requested.introForgottenLogin")
              : t("verification.requested.intro"),
        ),
        action(t, t("verification.requested.action"), p.link),
        paragraph(t("verification.requested.steps")),
        paragraph(t("verification.requested.expiry", { expiresAt })),
        paragraph(t("verification.requested.ignore")),
      ],
    };
  },
  verificationApproved: (p, { t }) => ({
    subject: t("verification.approved.subject"),
    blocks: [
      paragraph(t("verification.approved.intro")),
      ...(p.twoFactorRemoved ? [paragraph(t("verification.approved.twoFactorRemoved"))] : []),
      action(t, t("verification.approved.action"), p.signInUrl),
    ],
  }),
  supportReply: (p, { t }) => ({
    subject: t("supportReply.subject", { subject: p.subject }),
    blocks: [paragraph(t("supportReply.intro", { subject: p.subject })), action(t, t("supportReply.action"), p.link), paragraph(t("supportReply.next"))],
  }),
  supportClosed: (p, { t }) => ({
    subject: t("supportClosed.subject", { subject: p.subject }),
    blocks: [paragraph(t("supportClosed.intro", { subject: p.subject })), paragraph(t("supportClosed.reason", { reason: p.reason })), action(t, t("supportClosed.action"), p.link), paragraph(t("supportClosed.next"))],
  }),
  identityRecovery: (p, { t }) => ({
    subject: t("identityRecovery.subject"),
    blocks: [
      paragraph(t(p.reason === "FORGOTTEN_LOGIN" ? "identityRecovery.introLogin" : "identityRecovery.introPassword")),
      action(t, t("identityRecovery.action"), p.link),
      paragraph(t("identityRecovery.expiry", { hours: p.expiresInHours })),
    ],
  }),
  accountDeleted: (p, { t }) => ({
    subject: t("accountDeleted.subject"),
    blocks: [paragraph(t("accountDeleted.intro", { name: p.name })), paragraph(t("accountDeleted.kept")), paragraph(t("accountDeleted.notYou"))],
  }),
  verificationRejected: (p, { t }) => ({
    subject: t("verification.rejected.subject"),
    blocks: [paragraph(t("verification.rejected.intro")), paragraph(t("verification.rejected.next", { supportEmail: p.supportEmail }))],
  }),
  tenderSubmitted: (p, { t, locale }) => {
    const validUntil = createFormatter({ locale, timeZone: "UTC" }).dateTime(p.validUntil, { dateStyle: "long" });
    return {
      subject: t("tender.submitted.subject", { title: p.title }),
      blocks: [
        paragraph(t("tender.submitted.intro", { title: p.title, validUntil })),
        action(t, t("tender.submitted.view"), p.viewLink),
        paragraph(t("tender.submitted.viewHelp")),
        paragraph(t("tender.submitted.cancelIntro")),
        action(t, t("tender.submitted.cancel"), p.cancelLink),
        paragraph(t("tender.submitted.ignore")),
      ],
    };
  },
  tenderExtract: (p, { t, locale }) => {
    const validUntil = createFormatter({ locale, timeZone: "UTC" }).dateTime(p.validUntil, { dateStyle: "long" });
    return {
      subject: t("tender.extract.subject", { title: p.title }),
      blocks: [
        paragraph(t("tender.extract.intro")),
        {
          kind: "details",
          lines: [
            t("tender.extract.title", { title: p.title }),
            p.budget ? t("tender.extract.budget", { budget: p.budget }) : t("tender.extract.noBudget"),
            t("tender.extract.validUntil", { validUntil }),
          ],
        },
        paragraph(p.excerpt),
        action(t, t("tender.extract.action"), p.url),
        paragraph(t("tender.extract.why")),
      ],
    };
  },
  tenderProposal: (p, { t }) => {
    const names = { partner: p.partner, title: p.title };
    return {
      subject: p.updated ? t("tender.proposal.subjectUpdated", names) : t("tender.proposal.subject", names),
      blocks: [
        paragraph(p.updated ? t("tender.proposal.introUpdated", names) : t("tender.proposal.intro", names)),
        paragraph(p.message),
        {
          kind: "details",
          lines: [
            ...(p.price ? [t("tender.proposal.price", { price: p.price })] : []),
            t("tender.proposal.contact", { email: p.email }),
            t("tender.proposal.website", { website: p.website }),
          ],
        },
        paragraph(t("tender.proposal.seeAll")),
        paragraph(t("tender.proposal.next")),
      ],
    };
  },
  partnerApproved: (p, { t }) => ({
    subject: t("partnerProgramme.approved.subject"),
    blocks: [paragraph(t("partnerProgramme.approved.intro", { companyName: p.companyName })), action(t, t("partnerProgramme.approved.action"), p.resellerUrl)],
  }),
  partnerRejected: (p, { t }) => ({
    subject: t("partnerProgramme.rejected.subject"),
    blocks: [
      paragraph(t("partnerProgramme.rejected.intro", { companyName: p.companyName })),
      paragraph(t("partnerProgramme.rejected.reason", { reason: p.reason })),
      paragraph(t("partnerProgramme.rejected.next", { supportEmail: p.supportEmail })),
    ],
  }),
  orderBlocked: (p, { t, locale }) => {
    const f = createFormatter({ locale, timeZone: p.timeZone ?? "UTC" });
    const values = { orderNumber: p.orderNumber, linkExpiresAt: f.dateTime(p.linkExpiresAt, { dateStyle: "long", timeStyle: "short" }), cancelAt: f.dateTime(p.cancelAt, { dateStyle: "long" }) };
    return {
      subject: t("orders.blocked.subject", values),
      blocks: [
        paragraph(t("orders.blocked.intro", values)),
        action(t, t("orders.blocked.action"), p.link),
        paragraph(t("orders.blocked.steps")),
        paragraph(t("orders.blocked.expiry", values)),
        paragraph(t("orders.blocked.cancel", values)),
      ],
    };
  },
  orderCancelled: (p, { t, locale }) => {
    const values = { orderNumber: p.orderNumber, amount: formatMoney(p.amountMinor, p.currency, locale) };
    return { subject: t("orders.cancelled.subject", values), blocks: [paragraph(t("orders.cancelled.intro", values)), paragraph(t("orders.cancelled.refund", values))] };
  },
  invoiceReminder: (p, { t, locale }) => {
    const values = { invoiceNumber: p.invoiceNumber, amount: formatMoney(p.amountMinor, p.currency, locale), dueAt: createFormatter({ locale, timeZone: p.timeZone ?? "UTC" }).dateTime(p.dueAt, { dateStyle: "long" }) };
    return {
      subject: t(p.second ? "dunning.reminder.subjectSecond" : "dunning.reminder.subject", values),
      blocks: [paragraph(t("dunning.reminder.intro", values)), paragraph(t("dunning.reminder.consequence")), action(t, t("dunning.pay"), p.link), paragraph(t("dunning.alreadyPaid"))],
    };
  },
  servicesSuspended: (p, { t, locale }) => {
    const values = {
      invoiceNumber: p.invoiceNumber,
      amount: formatMoney(p.amountMinor, p.currency, locale),
      products: p.products,
      terminationAt: createFormatter({ locale, timeZone: p.timeZone ?? "UTC" }).dateTime(p.terminationAt, { dateStyle: "long" }),
    };
    return {
      subject: t("dunning.suspended.subject", values),
      blocks: [paragraph(t("dunning.suspended.intro", values)), paragraph(t("dunning.suspended.lift", values)), action(t, t("dunning.pay"), p.link)],
    };
  },
  servicesTerminated: (p, { t, locale }) => {
    const values = { invoiceNumber: p.invoiceNumber, amount: formatMoney(p.amountMinor, p.currency, locale), products: p.products };
    return {
      subject: t("dunning.terminated.subject", values),
      blocks: [paragraph(t("dunning.terminated.intro", values)), action(t, t("dunning.pay"), p.link)],
    };
  },
};

/**
 * Params that carry a secret (a link's token). The recipient's mail has them; the copy kept in the outbox
 * replaces them with REDACTED, so nothing in the database can be replayed as a link.
 */
export const SECRET_PARAMS: { [K in TemplateName]?: readonly (keyof MailTemplates[K] & string)[] } = {
  passwordReset: ["link"],
  invitation: ["link"],
  partnerInvitation: ["acceptLink", "refuseLink"],
  emailChangeConfirm: ["link"],
  emailConfirm: ["link"],
  verificationRequested: ["link"],
  tenderSubmitted: ["viewLink", "cancelLink"],
  orderBlocked: ["link"],
  identityRecovery: ["link"],
};
export const REDACTED = "[redacted]";

/** The copy of a rendered mail that may be stored: every secret param's value, raw or HTML-escaped, is gone. */
export function redactMail<K extends TemplateName>(template: K, params: TemplateParams<K>, mail: RenderedMail): RenderedMail {
  const values = params as Record<string, unknown>;
  const secrets = (SECRET_PARAMS[template] ?? []).map((key) => values[key]).filter((v): v is string => typeof v === "string" && v.length > 0);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED).replaceAll(escapeHtml(secret), REDACTED), text);
  return { subject: scrub(mail.subject), text: scrub(mail.text), html: scrub(mail.html) };
}

/** Renders a transactional e-mail in the recipient's language (unknown languages get English). */
export function renderMail<K extends TemplateName>(
  template: K,
  params: TemplateParams<K>,
  locale: string = "en",
): RenderedMail {
  const lang = resolveMailLocale(locale);
  const provider = process.env.PROVIDER_NAME || "Manager";
  const translator = createTranslator({
    locale: lang,
    messages: catalogues[lang],
    // A missing or broken message must fail loudly, never send "passwordReset.subject" to a customer.
    onError: (error) => {
      throw error;
    },
  });
  const t: Translate = (key, values) => translator(key, { provider, ...values });
  const body = templates[template](params, { t, locale: lang });
  const content = {
    lang,
    subject: body.subject,
    greeting: body.greeting ?? t("common.greeting"),
    blocks: body.blocks,
    signature: t("common.signature"),
    footer: t("common.footer"),
  };
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

/** Maps "fr-CH", "DE" or "pt" to a catalogue we have. */
export function resolveMailLocale(locale: string): MailLocale {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return MAIL_LOCALES.find((l) => l === primary) ?? "en";
}

function paragraph(text: string): MailBlock {
  return { kind: "paragraph", text };
}

function action(t: Translate, label: string, url: string): MailBlock {
  // Escaping cannot make a javascript: or data: URL safe to put in href, so only web links pass.
  if (!/^https?:\/\//i.test(url)) throw new Error(`Refusing to put a non-http(s) link in an e-mail: ${url}`);
  return { kind: "action", label, url, fallback: t("common.buttonFallback") };
}
