"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { closeRequestAction } from "./actions";

/** SUP-4: closes the request (no more replies; the handling staff lose the way into the content). */
export function CloseRequestForm({ orgId, requestId }: { orgId: string; requestId: string }) {
  const t = useTranslations("support.form");
  const { state, onSubmit, pending } = useFormAction(closeRequestAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="requestId" value={requestId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("close")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
