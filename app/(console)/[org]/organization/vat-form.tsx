"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SavedStatus } from "@/components/ui/saved-status";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { updateVatNumberAction } from "./actions";
import { useSavingAction } from "@/components/ui/use-form-action";

/**
 * VAT-1..3: an EU company's intra-community VAT number. Saving requires ticking the terms of use; an
 * empty value (or "Remove") deletes the number.
 */
export function VatForm({ orgId, vatNumber, status }: { orgId: string; vatNumber: string | null; status: string | null }) {
  const t = useTranslations("organization");
  // One state for both forms ("Save" and "Remove"), so the message always tells the latest outcome.
  const { state, formAction, onSubmit, pending, fieldErrors: fe, saved } = useSavingAction(updateVatNumberAction);
  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        <SavedStatus saved={saved} message={state?.ok && !state.data?.vatNumber ? t("vatRemoved") : t("vatSaved")} />
      </div>
      {status ? <p className="text-sm text-slate-700">{status}</p> : null}
      {/* Remounted when the stored number changes: shows it normalized, with the terms box unticked. */}
      <form key={vatNumber ?? ""} action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
        <input type="hidden" name="orgId" value={orgId} />
        <Field
          label={t("vatNumber")}
          name="vatNumber"
          defaultValue={vatNumber ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={30}
          help={t("vatHelp")}
          error={fe.vatNumber}
        />
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="vatTermsAccepted"
              value="true"
              className="mt-1"
              aria-invalid={fe.vatTermsAccepted ? true : undefined}
              aria-describedby={fe.vatTermsAccepted ? "f-vatTermsAccepted-error" : undefined}
            />
            <span>{t("vatTerms")}</span>
          </label>
          {fe.vatTermsAccepted ? (
            <p id="f-vatTermsAccepted-error" className="mt-1 text-sm text-red-700">
              {fe.vatTermsAccepted}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("saveVat")}
        </Button>
      </form>
      {vatNumber ? (
        <form action={formAction} onSubmit={onSubmit}>
          <input type="hidden" name="orgId" value={orgId} />
          <input type="hidden" name="vatNumber" value="" />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("removeVat")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
