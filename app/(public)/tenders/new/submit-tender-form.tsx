"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { submitTenderAction } from "./actions";

type Validity = { min: string; max: string; default: string; minDays: number; maxDays: number };

/**
 * TND-1: works without JavaScript too — the form posts to the server action and the page shows its
 * answer; with JavaScript the typed values stay when a field is refused.
 */
export function SubmitTenderForm({ locale, contactName, contactEmail, validity }: { locale: string; contactName: string; contactEmail: string; validity: Validity }) {
  const t = useTranslations("tenders");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(submitTenderAction);

  if (state?.ok && state.data) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("sentTitle")}</h1>
        <Alert tone="success">{t("sent", { email: state.data.email })}</Alert>
        <Link href="/tenders/new" className="text-sm text-brand-700 underline">
          {t("another")}
        </Link>
      </div>
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">{t("newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("newIntro")}</p>
      </div>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="locale" value={locale} />
      <Field label={t("title")} name="title" required maxLength={120} help={t("titleHelp")} error={fe.title} />
      <TextareaField label={t("description")} name="description" required rows={6} maxLength={5000} help={t("descriptionHelp")} error={fe.description} />
      <Field label={t("budget")} name="budget" maxLength={120} help={t("budgetHelp")} error={fe.budget} />
      <Field
        label={t("validUntil")}
        name="validUntil"
        type="date"
        min={validity.min}
        max={validity.max}
        defaultValue={validity.default}
        help={t("validUntilHelp", { min: validity.minDays, max: validity.maxDays })}
        error={fe.validUntil}
      />
      <fieldset className="space-y-4">
        <legend className="text-sm text-slate-600">{t("contactHelp")}</legend>
        <Field label={t("contactName")} name="contactName" autoComplete="name" required defaultValue={contactName} error={fe.contactName} />
        <Field label={t("contactEmail")} name="contactEmail" type="email" autoComplete="email" required defaultValue={contactEmail} error={fe.contactEmail} />
        <Field label={t("contactPhone")} name="contactPhone" type="tel" autoComplete="tel" error={fe.contactPhone} />
      </fieldset>
      {/* A trap for robots: out of sight and out of the tab order; people leave it empty. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="f-website">{t("honeypot")}</label>
        <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
