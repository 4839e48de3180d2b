"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { decideVerificationAction } from "./actions";

/**
 * Approve or reject, with a note kept in the decision record. A forgotten-login case (IDV-1) says what
 * approving does — a recovery link to the verified address — and, when the case names no account, asks
 * for the login e-mail of the account the documents match.
 */
export function DecisionForm({ caseId, canApprove, recovery = null }: { caseId: string; canApprove: boolean; recovery?: "known" | "needsAccount" | null }) {
  const t = useTranslations("backofficeVerifications");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(decideVerificationAction);
  if (state?.ok) return <Alert tone="success">{t("decided")}</Alert>;
  return (
    <form onSubmit={onSubmit} className="max-w-lg space-y-3" noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <TextareaField id="decision-note" label={t("note")} name="note" rows={3} maxLength={1000} help={t("noteHelp")} error={fieldErrors.note} />
      {recovery === "needsAccount" ? (
        <Field id="decision-account" label={t("accountEmail")} name="accountEmail" type="email" autoComplete="off" maxLength={254} help={t("accountEmailHelp")} error={fieldErrors.accountEmail} />
      ) : null}
      <p className="text-sm text-slate-600">{t(recovery ? "recoveryEffect" : "decisionEffect")}</p>
      <div className="flex gap-3">
        {canApprove ? (
          <Button type="submit" name="decision" value="approve" disabled={pending}>
            {t("approve")}
          </Button>
        ) : null}
        <Button type="submit" name="decision" value="reject" variant="danger" disabled={pending}>
          {t("reject")}
        </Button>
      </div>
    </form>
  );
}
