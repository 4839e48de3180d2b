import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { sandboxPaymentsReachable } from "@/lib/payments/sandbox/reachable";
import { findSandboxCheckout } from "@/lib/payments/sandbox/store";
import { CHALLENGE_CODE, TEST_CARDS } from "@/lib/payments/sandbox/test-cards";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sandboxPay"))("title") };
}

const ERRORS = ["number", "expiry", "cvc"] as const;
const BUTTON = "rounded bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700";
const SECONDARY = "rounded border border-slate-400 px-4 py-2 text-sm hover:bg-slate-50";
const INPUT = "mt-1 block w-full rounded border border-slate-400 px-3 py-2";

/** SEC-5: an error this refuses (a NUL, unknown) shows none, with a notice. */
const querySchema = z.object({ error: z.enum([...ERRORS, "code"]).optional() });

/**
 * The SANDBOX operator's hosted payment page (BIL-5): it stands in for a payment provider's page, so the
 * card number is typed here and posted to the sandbox (./submit), never to the Manager's own actions.
 * Development only (SEC-7, see sandboxPaymentsReachable).
 */
export default async function SandboxPayPage({ params, searchParams }: { params: Promise<{ checkout: string }>; searchParams: Promise<SearchParams> }) {
  if (!sandboxPaymentsReachable((await headers()).get("host"))) notFound();
  const { checkout: id } = await params;
  const { query, invalid } = parsePageQuery(querySchema, await searchParams);
  if (!/^cs_[A-Za-z0-9_-]{10,40}$/.test(id)) notFound();
  const checkout = await findSandboxCheckout(getDb(), id);
  if (!checkout) notFound();
  const [t, locale] = await Promise.all([getTranslations("sandboxPay"), getLocale()]);
  const error = query.error ?? null;
  const amount = formatMoney(checkout.amountMinor, checkout.currency, locale);
  const action = `/sandbox/pay/${encodeURIComponent(checkout.id)}/submit`;
  const twintQr = checkout.method === "TWINT" && checkout.status === "OPEN" ? await QRCode.toDataURL(`twint-sandbox:${checkout.id}`, { margin: 1, width: 200 }) : null;
  const field = (name: "number" | "expiry" | "cvc", autoComplete: string, extra: { placeholder?: string; maxLength: number }) => (
    <div>
      <label htmlFor={`card-${name}`} className="text-sm font-medium">
        {t(`card.${name}`)}
      </label>
      <input id={`card-${name}`} name={name} required inputMode="numeric" autoComplete={autoComplete} className={INPUT} aria-invalid={error === name || undefined} aria-describedby={error === name ? "card-error" : undefined} {...extra} />
    </div>
  );
  return (
    <main id="main" className="mx-auto max-w-lg space-y-5 p-6">
      <p className="rounded border-2 border-dashed border-amber-600 bg-amber-50 p-3 text-sm font-semibold text-amber-900" data-testid="sandbox-banner">
        {t("banner")}
      </p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <QueryNotice invalid={invalid} />
      <p className="text-sm">
        {t("amount", { amount, reference: checkout.description })}
      </p>
      {error ? (
        <p id="card-error" role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {t(`errors.${error}`)}
        </p>
      ) : null}

      {checkout.status === "OPEN" && (checkout.method === "CARD" || checkout.method === "POSTFINANCE") ? (
        <>
          <form method="post" action={action} className="space-y-3">
            <input type="hidden" name="step" value="card" />
            {field("number", "cc-number", { maxLength: 23 })}
            <div className="grid grid-cols-2 gap-3">
              {field("expiry", "cc-exp", { placeholder: "MM/YY", maxLength: 7 })}
              {field("cvc", "cc-csc", { maxLength: 4 })}
            </div>
            <button type="submit" className={BUTTON}>
              {t("payAmount", { amount })}
            </button>
          </form>
          <details className="text-sm">
            <summary>{t("testCards")}</summary>
            <ul className="mt-2 space-y-1 font-mono">
              {Object.entries(TEST_CARDS).map(([number, outcome]) => (
                <li key={number}>
                  {number.replace(/(\d{4})(?=\d)/g, "$1 ")} — {t(`outcomes.${outcome.kind === "fail" ? outcome.failure : outcome.kind}`)}
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}

      {checkout.status === "CHALLENGE" ? (
        <form method="post" action={action} className="space-y-3">
          <input type="hidden" name="step" value="challenge" />
          <h2 className="text-lg font-semibold">{t("challengeTitle")}</h2>
          <p className="text-sm">{t("challengeHelp", { last4: checkout.last4 ?? "", code: CHALLENGE_CODE })}</p>
          <div>
            <label htmlFor="challenge-code" className="text-sm font-medium">
              {t("challengeCode")}
            </label>
            <input id="challenge-code" name="code" required inputMode="numeric" autoComplete="one-time-code" maxLength={6} className={INPUT} />
          </div>
          <button type="submit" className={BUTTON}>
            {t("confirm")}
          </button>
        </form>
      ) : null}

      {checkout.status === "OPEN" && checkout.method === "PAYPAL" ? (
        <form method="post" action={action} className="space-y-3">
          <p className="text-sm">{t("paypalHelp")}</p>
          <button type="submit" name="step" value="approve" className={BUTTON}>
            {t("paypalApprove")}
          </button>
        </form>
      ) : null}

      {twintQr ? (
        <form method="post" action={action} className="space-y-3">
          <p className="text-sm">{t("twintHelp")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={twintQr} alt={t("twintQrAlt")} width={200} height={200} className="rounded border border-slate-200" />
          <button type="submit" name="step" value="approve" className={BUTTON}>
            {t("twintConfirm")}
          </button>
        </form>
      ) : null}

      {checkout.status === "OPEN" || checkout.status === "CHALLENGE" ? (
        <form method="post" action={action}>
          <button type="submit" name="step" value="cancel" className={SECONDARY}>
            {t("cancel")}
          </button>
        </form>
      ) : (
        <p className="text-sm">
          {t(checkout.status === "SUCCEEDED" ? "finishedPaid" : "finishedFailed")}{" "}
          <a href={checkout.returnUrl} className="underline">
            {t("backToMerchant")}
          </a>
        </p>
      )}
    </main>
  );
}
