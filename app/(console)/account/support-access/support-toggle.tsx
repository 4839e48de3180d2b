"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SavedStatus } from "@/components/ui/saved-status";
import { useFormAction, useSavingAction } from "@/components/ui/use-form-action";
import { revokeGrantAction, setSupportAccessAction } from "./actions";

/**
 * SUP-1: one content's switch. A real switch (role="switch") that submits at once; without JavaScript the
 * form still posts. The state shown comes from the server after each change.
 */
export function SupportToggle({ orgId, scope, label, on, until }: { orgId: string; scope: string; label: string; on: boolean; until: string | null }) {
  const t = useTranslations("supportAccess");
  const { state, onSubmit, pending, saved } = useSavingAction(setSupportAccessAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="enabled" value={on ? "false" : "true"} />
      <button
        type="submit"
        role="switch"
        aria-checked={on}
        disabled={pending}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 ${on ? "bg-brand-600" : "bg-slate-400"}`}
        data-testid={`support-toggle-${scope}`}
      >
        <span className="sr-only">{label}</span>
        <span aria-hidden="true" className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0"}`} />
      </button>
      <span className="text-sm">
        {label} — {on && until ? t("grantedUntil", { until }) : t("notGranted")}
      </span>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <SavedStatus saved={saved} />
    </form>
  );
}

/** SUP-2: ends a single shared e-mail's grant. */
export function RevokeSharedMail({ orgId, grantId, label }: { orgId: string; grantId: string; label: string }) {
  const t = useTranslations("supportAccess");
  const { state, onSubmit, pending } = useFormAction(revokeGrantAction);
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="grantId" value={grantId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("revokeShared", { subject: label })}>
        {t("revoke")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
