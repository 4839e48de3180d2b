"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/http/action";
import type { BillingMessages } from "@/lib/renewals/renewal-amount";
import { updateBillingMessagesAction } from "./billing-messages-actions";

/** The delays offered (days before the deadline); the server takes any whole number up to 60. */
const DAY_CHOICES = [7, 14, 30, 45, 60];

/**
 * BIL-10 "Billing messages": every change saves itself (no submit button) and the outcome is announced
 * in a polite live region; a refused value shows its translated error and the control goes back.
 */
export function BillingMessagesForm({ orgId, initial, canChange }: { orgId: string; initial: BillingMessages; canChange: boolean }) {
  const t = useTranslations("renewals");
  const [values, setValues] = useState(initial);
  const [state, setState] = useState<ActionState<BillingMessages>>(null);
  const [pending, startTransition] = useTransition();
  const days = DAY_CHOICES.includes(values.reminderDaysBefore) ? DAY_CHOICES : [...DAY_CHOICES, values.reminderDaysBefore].sort((a, b) => a - b);

  function save<K extends keyof BillingMessages>(field: K, value: BillingMessages[K]) {
    const previous = values;
    setValues({ ...values, [field]: value });
    const data = new FormData();
    data.set("orgId", orgId);
    data.set(field, String(value));
    startTransition(async () => {
      const result = await updateBillingMessagesAction(null, data);
      setState(result);
      // What the server kept: the saved preferences, or the previous ones when it refused the change.
      setValues(result?.ok && result.data ? result.data : previous);
    });
  }

  const fieldError = state && !state.ok ? state.fieldErrors?.reminderDaysBefore : undefined;
  const disabled = !canChange;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{canChange ? t("messagesIntro") : t("messagesReadOnly")}</p>
      <div className="space-y-3">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={values.remindersEnabled} disabled={disabled} onChange={(e) => save("remindersEnabled", e.target.checked)} data-testid="reminders-enabled" />
          <span>{t("remindersEnabled")}</span>
        </label>
        {values.remindersEnabled ? (
          <div className="pl-6">
            <label htmlFor="reminder-days" className="block text-sm font-medium text-slate-700">
              {t("reminderDays")}
            </label>
            <select
              id="reminder-days"
              className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              value={values.reminderDaysBefore}
              disabled={disabled}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? "reminder-days-error" : undefined}
              onChange={(e) => save("reminderDaysBefore", Number(e.target.value))}
            >
              {days.map((d) => (
                <option key={d} value={d}>
                  {t("reminderDaysOption", { days: d })}
                </option>
              ))}
            </select>
            {fieldError ? (
              <p id="reminder-days-error" className="mt-1 text-sm text-red-700">
                {fieldError}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("autoHeading")}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={values.notifyRenewal} disabled={disabled} onChange={(e) => save("notifyRenewal", e.target.checked)} />
          <span>{t("notifyRenewal")}</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={values.notifyInvoiceIssued} disabled={disabled} onChange={(e) => save("notifyInvoiceIssued", e.target.checked)} />
          <span>{t("notifyInvoiceIssued")}</span>
        </label>
      </fieldset>
      <div aria-live="polite" data-testid="billing-messages-status">
        {pending ? <p className="text-sm text-slate-600">{t("saving")}</p> : null}
        {!pending && state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
        {!pending && state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    </div>
  );
}
