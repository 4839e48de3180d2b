"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { payFromPrepaidAction } from "./actions";

/**
 * BIL-5: "Pay from my prepaid account" — all of what is due when the balance covers it, otherwise the part
 * it covers. The key was made when the page was rendered: a double click spends once.
 */
export function PrepaidPayForm({ orgId, invoiceId, idempotencyKey, label }: { orgId: string; invoiceId: string; idempotencyKey: string; label: string }) {
  const t = useTranslations("prepaid");
  const { state, formAction, onSubmit, pending } = useFormAction(payFromPrepaidAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("paying") : label}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
