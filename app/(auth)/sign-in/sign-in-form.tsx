"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { forgetAccount, rememberCurrentAccount } from "@/lib/actions/remembered-accounts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { RememberedAccount } from "@/lib/auth/remembered-accounts";

/** SEC-8: where a person who just reset their password can end everything an intruder may still hold. */
const COMPROMISED_PATH = "/account/security#compromised-heading";

export function SignInForm({
  initialEmail,
  remembered,
  passwordWasReset,
  returnTo = null,
}: {
  initialEmail: string;
  remembered: RememberedAccount[];
  passwordWasReset: boolean;
  /** Where to go once signed in (e.g. back to an invitation), instead of the last Organization. */
  returnTo?: string | null;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [email, setEmail] = useState(initialEmail);
  const [showForm, setShowForm] = useState(remembered.length === 0 || !!initialEmail || passwordWasReset);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function submit(formData: FormData) {
    setError(null);
    start(async () => {
      const res = await signIn("credentials", {
        email: String(formData.get("email") ?? ""),
        password: String(formData.get("password") ?? ""),
        redirect: false,
      });
      if (res?.ok && !res.error) {
        await rememberCurrentAccount();
        router.replace(returnTo ?? "/");
        router.refresh();
        return;
      }
      setError(res?.error === "RATE_LIMITED" ? t("locked") : res?.error === "CredentialsSignin" ? t("invalidCredentials") : t("genericError"));
    });
  }

  if (!showForm) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("rememberedAccounts")}</h1>
        <ul className="space-y-2">
          {remembered.map((a) => (
            <li key={a.email} className="flex items-center gap-2">
              <button
                type="button"
                className="flex-1 rounded-md border border-slate-200 px-3 py-2 text-left hover:bg-slate-50"
                onClick={() => {
                  setEmail(a.email);
                  setShowForm(true);
                }}
              >
                <span className="block text-sm font-medium">{t("continueAs", { name: a.name })}</span>
                <span className="block text-xs text-slate-600">{a.email}</span>
              </button>
              <button
                type="button"
                className="rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
                aria-label={t("forget", { email: a.email })}
                onClick={() => start(async () => { await forgetAccount(a.email); router.refresh(); })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <Button variant="secondary" className="w-full" onClick={() => { setEmail(""); setShowForm(true); }}>
          {t("otherCredentials")}
        </Button>
      </div>
    );
  }

  return (
    <form action={submit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">{t("signInTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("signInSubtitle")}</p>
      </div>
      {passwordWasReset ? <Alert tone="success">{t("passwordSaved")}</Alert> : null}
      {passwordWasReset && !returnTo ? (
        // SEC-8: a reset offers to revoke everything else an intruder may hold (sessions, app passwords, tokens).
        <p className="text-sm" data-testid="compromised-offer">
          {t("compromisedOffer")}{" "}
          <a href={`/sign-in?next=${encodeURIComponent(COMPROMISED_PATH)}`} className="text-brand-700 underline">
            {t("compromisedLink")}
          </a>
        </p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required autoFocus={!!email} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("forgotPassword")}
        </Link>
        <Link href="/sign-up" className="text-brand-700 underline">
          {t("createAccount")}
        </Link>
      </div>
      <Link href="/sign-in/help?reason=FORGOTTEN_LOGIN" className="block text-sm text-brand-700 underline">
        {t("identityHelp.forgotLoginLink")}
      </Link>
      {remembered.length > 0 ? (
        <button type="button" className="text-sm text-slate-600 underline" onClick={() => setShowForm(false)}>
          {t("rememberedAccounts")}
        </button>
      ) : null}
    </form>
  );
}
