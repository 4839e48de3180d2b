"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { acceptPartnerInvitationAction, refusePartnerInvitationAction } from "./actions";

/** PRT-4: accept, for a signed-in member of the partner who takes on clients; the action redirects. */
export function AcceptPartnerInvitationForm({ token }: { token: string }) {
  const t = useTranslations("partnerships.answer");
  const { state, formAction, onSubmit, pending } = useFormAction(acceptPartnerInvitationAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {t("accept")}
      </Button>
    </form>
  );
}

/** PRT-4: refuse, confirmed by a second click (opened at once when the mail's "Refuse" link was followed). */
export function RefusePartnerInvitationForm({ token, clientName, confirmFirst }: { token: string; clientName: string; confirmFirst: boolean }) {
  const t = useTranslations("partnerships");
  const [confirming, setConfirming] = useState(confirmFirst);
  const { state, formAction, onSubmit, pending } = useFormAction(refusePartnerInvitationAction);
  if (state?.ok) return <Alert tone="success">{t("answer.refused", { clientName })}</Alert>;
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        {t("answer.refuse")}
      </Button>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2 rounded-md border border-slate-200 p-3">
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <p className="text-sm">{t("answer.refuseConfirm", { clientName })}</p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("answer.refuse")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
