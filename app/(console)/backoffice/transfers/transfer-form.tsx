"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { recordTransferAction } from "./actions";

/** BIL-5: staff book an incoming bank transfer against the invoice number it names. */
export function TransferForm() {
  const t = useTranslations("billing");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(recordTransferAction);
  const done = state?.ok ? state.data : null;
  return (
    <form action={formAction} onSubmit={onSubmit} className="max-w-md space-y-3" noValidate>
      <Field id="transfer-invoice" label={t("transferInvoice")} name="invoiceNumber" required maxLength={40} error={fe.invoiceNumber} />
      <Field id="transfer-amount" label={t("transferAmount")} name="amount" required inputMode="decimal" maxLength={12} error={fe.amount} help={t("transferAmountHelp")} />
      <Field id="transfer-reference" label={t("transferReference")} name="bankReference" required maxLength={64} error={fe.bankReference} />
      <Button type="submit" disabled={pending}>
        {t("transferRecord")}
      </Button>
      <div role="status">
        {done ? <Alert tone="success">{done.prepaidCreditedMinor > 0 ? t("transferTopUp", { number: done.invoiceNumber, amount: (done.prepaidCreditedMinor / 100).toFixed(2), currency: done.currency }) : done.invoicePaid ? t("transferPaid", { number: done.invoiceNumber }) : t("transferPartial", { number: done.invoiceNumber, remaining: (done.remainingMinor / 100).toFixed(2), currency: done.currency })}</Alert> : null}
      </div>
      {state && !state.ok && !fe.invoiceNumber && !fe.amount && !fe.bankReference ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
