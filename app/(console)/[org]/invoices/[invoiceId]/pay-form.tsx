"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { payInvoiceAction } from "./actions";

/**
 * BIL-5: choose how to pay, then go to the payment operator's page. The idempotency key was made when the
 * page was rendered, so a double click or a resent form is the same payment attempt.
 */
export function PayForm({ orgId, invoiceId, methods, idempotencyKey }: { orgId: string; invoiceId: string; methods: string[]; idempotencyKey: string }) {
  const t = useTranslations("billing");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(payInvoiceAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset aria-describedby={fe.method ? "pay-method-error" : undefined}>
        <legend className="text-sm font-medium">{t("chooseMethod")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {methods.map((m, i) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="method" value={m} defaultChecked={i === 0} />
              {t(`methods.${m}`)}
            </label>
          ))}
        </div>
        {fe.method ? (
          <p id="pay-method-error" className="mt-1 text-sm text-red-700">
            {fe.method}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("redirecting") : t("pay")}
      </Button>
      {state && !state.ok && !fe.method ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
