"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import { NameFields, NewPasswordField } from "@/components/auth/new-account-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { signUpAction } from "./actions";

type Country = { code: string; name: string };

export function SignUpForm({ countries, euCountries, locale }: { countries: Country[]; euCountries: string[]; locale: string }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(signUpAction, null);
  const [entityType, setEntityType] = useState<"INDIVIDUAL" | "COMPANY">("INDIVIDUAL");
  const [country, setCountry] = useState("CH");
  const fe = state && !state.ok ? state.fieldErrors ?? {} : {};
  const isEu = euCountries.includes(country);

  // SEC-2: the same answer for a new address and one that already has an account, so no automatic sign-in.
  if (state?.ok && state.data) {
    const { email } = state.data;
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("checkMailboxTitle")}</h1>
        <Alert tone="success">{t("checkMailbox", { email })}</Alert>
        <Link
          href={`/sign-in?${new URLSearchParams({ email })}`}
          className="bg-brand-600 hover:bg-brand-700 inline-block rounded-md px-4 py-2 text-sm font-medium text-white"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">{t("signUpTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("signUpSubtitle")}</p>
      </div>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="locale" value={locale} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("entityType")}</legend>
        <div className="mt-1 flex gap-4">
          {(["INDIVIDUAL", "COMPANY"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input type="radio" name="entityType" value={v} checked={entityType === v} onChange={() => setEntityType(v)} />
              {v === "INDIVIDUAL" ? t("individual") : t("company")}
            </label>
          ))}
        </div>
      </fieldset>
      <NameFields errors={fe} />
      {entityType === "COMPANY" ? (
        <Field label={t("organizationName")} name="organizationName" autoComplete="organization" required error={fe.organizationName} />
      ) : null}
      <SelectField
        label={t("country")}
        name="country"
        value={country}
        onChange={(e) => setCountry(e.target.value)}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        error={fe.country}
      />
      {entityType === "COMPANY" && isEu ? (
        <>
          <Field label={t("vatNumber")} name="vatNumber" help={t("vatHelp")} error={fe.vatNumber} />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="vatTermsAccepted" value="true" className="mt-1" aria-describedby={fe.vatTermsAccepted ? "f-vatTerms-error" : undefined} />
            {t("vatTerms")}
          </label>
          {fe.vatTermsAccepted ? <p id="f-vatTerms-error" className="text-sm text-red-700">{fe.vatTermsAccepted}</p> : null}
        </>
      ) : entityType === "COMPANY" ? (
        <p className="text-sm text-slate-600">{t("vatNotApplicable")}</p>
      ) : null}
      <Field label={t("email")} name="email" type="email" autoComplete="email" required error={fe.email} />
      <NewPasswordField error={fe.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingUp") : t("signUp")}
      </Button>
      <p className="text-sm">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
