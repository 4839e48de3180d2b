"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { decidePartnerApplicationAction } from "./actions";

/** PRT-1: approve, or reject with a reason the applicant receives. */
export function PartnerDecisionForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("backofficePartners");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(decidePartnerApplicationAction);
  if (state?.ok) {
    return (
      <div aria-live="polite">
        <Alert tone="success">{t("decided")}</Alert>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="max-w-lg space-y-3" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <div aria-live="polite">{state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}</div>
      <TextareaField id="decision-reason" label={t("reason")} name="reason" rows={3} maxLength={1000} help={t("reasonHelp")} error={fieldErrors.reason} />
      <div className="flex gap-3">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="reject" variant="danger" disabled={pending}>
          {t("reject")}
        </Button>
      </div>
    </form>
  );
}
