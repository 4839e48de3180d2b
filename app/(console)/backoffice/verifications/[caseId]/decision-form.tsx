"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { decideVerificationAction } from "./actions";

/** Approve or reject, with a note kept in the decision record. */
export function DecisionForm({ caseId, canApprove }: { caseId: string; canApprove: boolean }) {
  const t = useTranslations("backofficeVerifications");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(decideVerificationAction);
  if (state?.ok) return <Alert tone="success">{t("decided")}</Alert>;
  return (
    <form onSubmit={onSubmit} className="max-w-lg space-y-3" noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div>
        <label htmlFor="decision-note" className="block text-sm font-medium text-slate-700">
          {t("note")}
        </label>
        <textarea
          id="decision-note"
          name="note"
          rows={3}
          maxLength={1000}
          aria-describedby="decision-note-help"
          aria-invalid={fieldErrors.note ? true : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p id="decision-note-help" className="mt-1 text-xs text-slate-500">
          {fieldErrors.note ?? t("noteHelp")}
        </p>
      </div>
      <p className="text-sm text-slate-600">{t("decisionEffect")}</p>
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
