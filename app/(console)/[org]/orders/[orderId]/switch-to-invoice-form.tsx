"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { switchToInvoiceAction } from "../actions";

/**
 * BIL-5: "pay by card instead" for an order waiting for its IBAN transfer. The service is idempotent (a
 * second click finds the invoice the first one issued); the button is also disabled while it runs.
 */
export function SwitchToInvoiceForm({ orgId, orderId, proforma }: { orgId: string; orderId: string; proforma: string }) {
  const t = useTranslations("orders");
  const { state, formAction, onSubmit, pending } = useFormAction(switchToInvoiceAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="switch-heading" className="space-y-3 rounded border border-slate-200 p-4">
      <h2 id="switch-heading" className="text-lg font-semibold">
        {t("switchHeading")}
      </h2>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orderId" value={orderId} />
      <p className="text-sm">{t("switchHelp", { number: proforma })}</p>
      <Button type="submit" disabled={pending} data-testid="switch-to-invoice">
        {pending ? t("switching") : t("switchButton")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
