"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { resendProcedureAction } from "./actions";

/**
 * IDV-4: "resend the procedure" in the red banner. Rendered by the console layout, which hands over its
 * labels (its section has no message provider of its own); a refusal (rate limit) arrives translated.
 */
export function ResendProcedureButton({ orgId, orderId, label, sentLabel }: { orgId: string; orderId: string; label: string; sentLabel: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(resendProcedureAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" disabled={pending} className="rounded border border-red-700 bg-white px-2 py-0.5 text-sm font-medium text-red-800 hover:bg-red-100 disabled:opacity-60">
        {label}
      </button>
      <span role="status" className="text-sm">
        {state?.ok ? sentLabel : state && !state.ok ? state.message : ""}
      </span>
    </form>
  );
}
