"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { COMMITMENTS } from "@/lib/partners/programme-rules";
import { applyToProgrammeAction } from "./actions";

/** PRT-1: the application to the partner programme (a legal representative of a company). */
export function ApplicationForm({
  orgId,
  defaults,
  countries,
  currency,
  minimum,
}: {
  orgId: string;
  defaults: { companyName: string; country: string; website: string };
  countries: { value: string; label: string }[];
  currency: string;
  minimum: string;
}) {
  const t = useTranslations("partnerProgramme");
  const { state, onSubmit, formAction, pending, fieldErrors: fe } = useFormAction(applyToProgrammeAction);
  if (state?.ok) {
    return (
      <div aria-live="polite">
        <Alert tone="success">{t("submitted")}</Alert>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div aria-live="polite">{state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}</div>
      <input type="hidden" name="orgId" value={orgId} />
      <Field label={t("companyName")} name="companyName" defaultValue={defaults.companyName} autoComplete="organization" required maxLength={120} error={fe.companyName} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={t("country")} name="country" options={countries} defaultValue={defaults.country} error={fe.country} />
        <Field
          className="sm:col-span-2"
          label={t("tradeRegisterNumber")}
          name="tradeRegisterNumber"
          required
          maxLength={40}
          help={t("tradeRegisterHelp")}
          error={fe.tradeRegisterNumber}
        />
      </div>
      <Field label={t("website")} name="website" type="url" inputMode="url" defaultValue={defaults.website} required maxLength={200} error={fe.website} />
      <Field
        label={t("yearlyVolume", { currency })}
        name="yearlyVolume"
        inputMode="numeric"
        required
        maxLength={15}
        help={t("yearlyVolumeHelp", { minimum })}
        error={fe.yearlyVolume}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("commitments")}</legend>
        {COMMITMENTS.map((c) => (
          <div key={c}>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={c} className="mt-1" aria-invalid={fe[c] ? true : undefined} aria-describedby={fe[c] ? `${c}-error` : undefined} />
              <span>{t(`commitment.${c}`)}</span>
            </label>
            {fe[c] ? (
              <p id={`${c}-error`} className="ml-6 text-sm text-red-700">
                {fe[c]}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("apply")}
      </Button>
    </form>
  );
}
