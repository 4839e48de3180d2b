"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveProposalAction } from "./actions";

/** TND-3: one proposal per partner and call, changed in place until the call ends. */
export function ProposalForm(props: { tenderId: string; partnerId: string; message: string; price: string; currency: string; exists: boolean }) {
  const t = useTranslations("tenders");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(saveProposalAction);
  const id = props.partnerId;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      {state?.ok ? <Alert tone="success">{state.data?.updated ? t("proposalUpdated") : t("proposalSent")}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="tenderId" value={props.tenderId} />
      <input type="hidden" name="partnerId" value={props.partnerId} />
      <TextareaField id={`message-${id}`} label={t("message")} name="message" rows={6} required maxLength={5000} defaultValue={props.message} error={fe.message} />
      <div className="flex flex-wrap gap-4">
        <Field id={`price-${id}`} label={t("priceOptional")} name="price" inputMode="decimal" defaultValue={props.price} error={fe.price} />
        <SelectField
          id={`currency-${id}`}
          label={t("currency")}
          name="currency"
          defaultValue={props.currency}
          options={[
            { value: "CHF", label: "CHF" },
            { value: "EUR", label: "EUR" },
          ]}
          error={fe.currency}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : props.exists || state?.ok ? t("update") : t("send")}
      </Button>
    </form>
  );
}
