import { createFormatter, createTranslator } from "use-intl/core";
import type { MessageKeys, NestedKeyOf, TranslationValues } from "use-intl/core";
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
  verificationRequested: { link: string; expiresAt: Date; timeZone?: string };
  /** IDV-2: the case was approved; `twoFactorRemoved` when the user's 2FA was reset by it. */
  verificationApproved: { twoFactorRemoved: boolean; signInUrl: string };
  /** IDV-2: the case was rejected. */
  verificationRejected: { supportEmail: string };
  /** 2FA-4: a verification method was added or removed, or two-step verification turned off. */
  twoFactorChanged: { change: "methodAdded" | "methodRemoved" | "disabled"; method: "TOTP" | "PUSH" | "SMS" | null; when: Date; securityUrl: string; timeZone?: string };
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

const templates: { [K in TemplateName]: (p: MailTemplates[K], c: Context) => Body } = {
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
        paragraph(t("verification.requested.intro")),
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
  verificationRejected: (p, { t }) => ({
    subject: t("verification.rejected.subject"),
    blocks: [paragraph(t("verification.rejected.intro")), paragraph(t("verification.rejected.next", { supportEmail: p.supportEmail }))],
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
  emailChangeConfirm: ["link"],
  emailConfirm: ["link"],
  verificationRequested: ["link"],
  orderBlocked: ["link"],
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
