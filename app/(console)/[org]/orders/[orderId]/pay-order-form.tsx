"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { payOrderAction } from "../actions";

/**
 * BIL-4: "Pay the order" — choose how to pay, then go to the payment operator's page. The idempotency key
 * was made when the page was rendered, so a double click or a resent form is the same payment attempt.
 */
export function PayOrderForm({ orgId, orderId, methods, idempotencyKey }: { orgId: string; orderId: string; methods: string[]; idempotencyKey: string }) {
  const t = useTranslations();
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(payOrderAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset aria-describedby={fe.method ? "pay-order-method-error" : undefined}>
        <legend className="text-sm font-medium">{t("billing.chooseMethod")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {methods.map((m, i) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="method" value={m} defaultChecked={i === 0} />
              {t(`billing.methods.${m}` as "billing.methods.CARD")}
            </label>
          ))}
        </div>
        {fe.method ? (
          <p id="pay-order-method-error" className="mt-1 text-sm text-red-700">
            {fe.method}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("billing.redirecting") : t("orders.pay")}
      </Button>
      {state && !state.ok && !fe.method ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
