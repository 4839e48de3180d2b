"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextareaField } from "@/components/ui/field";
import { useRef } from "react";
import { SavedStatus } from "@/components/ui/saved-status";
import { useFormAction, useNotifyingAction, useSavingAction } from "@/components/ui/use-form-action";
import { assignRequestAction, closeAsStaffAction, replyAsStaffAction, takeRequestAction } from "./actions";

/** SUP-4: take the request (become the staff handling it). */
export function TakeRequestForm({ requestId }: { requestId: string }) {
  const t = useTranslations("backofficeSupport.forms");
  const { state, onSubmit, pending } = useFormAction(takeRequestAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <Button type="submit" disabled={pending}>
        {t("take")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}

/** SUP-4: the handling staff's reply (e-mailed to the requester). */
export function StaffReplyForm({ requestId }: { requestId: string }) {
  const t = useTranslations("backofficeSupport.forms");
  const form = useRef<HTMLFormElement>(null);
  const { state, onSubmit, pending, fieldErrors } = useNotifyingAction(replyAsStaffAction, () => form.current?.reset());
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField label={t("reply")} name="body" required rows={5} maxLength={10000} error={fieldErrors.body} />
      <Button type="submit" disabled={pending}>
        {t("sendReply")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok ? <p role="status">{t("replySent")}</p> : null}
    </form>
  );
}

/** SUP-4: a supervisor reassigns the request. */
export function AssignRequestForm({ requestId, handlers, current }: { requestId: string; handlers: { id: string; name: string }[]; current: string | null }) {
  const t = useTranslations("backofficeSupport.forms");
  const { state, onSubmit, pending, fieldErrors, saved } = useSavingAction(assignRequestAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="requestId" value={requestId} />
      <SelectField label={t("assignee")} name="assigneeId" defaultValue={current ?? ""} placeholder={t("chooseAssignee")} options={handlers.map((h) => ({ value: h.id, label: h.name }))} error={fieldErrors.assigneeId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("assign")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <SavedStatus saved={saved} />
    </form>
  );
}

/** SUP-4: close the request with a reason (shown in the conversation and e-mailed to the requester). */
export function StaffCloseForm({ requestId }: { requestId: string }) {
  const t = useTranslations("backofficeSupport.forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(closeAsStaffAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2 rounded border border-slate-200 bg-white p-3" data-testid="staff-close-form">
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField label={t("closeReason")} help={t("closeHelp")} name="reason" required rows={3} maxLength={1000} error={fieldErrors.reason} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("close")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
