"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/http/action";

type PayAction<R> = (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;

/**
 * BIL-4 / BIL-5 / BIL-6: choose how to pay, then go to the payment operator's page (the action redirects).
 * Used for an invoice, an order and a prepaid top-up: the action and the hidden id (`invoiceId`,
 * `orderId`) are the caller's; `amount` adds an amount field (a top-up). The idempotency key was made
 * when the page was rendered, so a double click or a resent form is the same payment attempt.
 */
export function MethodChoiceForm<R>({
  action,
  orgId,
  hidden,
  methods,
  idempotencyKey,
  submitLabel,
  idPrefix,
  amount,
}: {
  action: PayAction<R>;
  orgId: string;
  hidden?: { name: string; value: string };
  methods: readonly string[];
  idempotencyKey: string;
  submitLabel: string;
  /** Makes the ids of the form's messages unique on the page. */
  idPrefix: string;
  amount?: { label: string; help: string };
}) {
  const t = useTranslations("billing");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(action);
  const errorId = `${idPrefix}-method-error`;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      {hidden ? <input type="hidden" name={hidden.name} value={hidden.value} /> : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {amount ? <Field id={`${idPrefix}-amount`} label={amount.label} name="amount" required inputMode="decimal" maxLength={10} error={fe.amount} help={amount.help} className="max-w-xs" /> : null}
      <fieldset aria-describedby={fe.method ? errorId : undefined}>
        <legend className="text-sm font-medium">{t("chooseMethod")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {methods.map((m, i) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="method" value={m} defaultChecked={i === 0} />
              {t(`methods.${m}` as "methods.CARD")}
            </label>
          ))}
        </div>
        {fe.method ? (
          <p id={errorId} className="mt-1 text-sm text-red-700">
            {fe.method}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("redirecting") : submitLabel}
      </Button>
      {state && !state.ok && !fe.method && !fe.amount ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
