"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { endClientPartnershipAction } from "./actions";

/** PRT-7: the partner ends the partnership with one client, confirmed by a second click. */
export function EndClientButton({ partnershipId, client }: { partnershipId: string; client: string }) {
  const t = useTranslations("reseller");
  const [confirming, setConfirming] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(endClientPartnershipAction);
  const button = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";
  if (state?.ok) return <span role="status" className="text-xs text-green-800">{t("ended", { client })}</span>;
  if (!confirming) {
    return (
      <button type="button" className={`${button} text-red-700`} onClick={() => setConfirming(true)} aria-label={t("endLabel", { client })}>
        {t("end")}
      </button>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="partnershipId" value={partnershipId} />
      <span className="text-xs">{t("endConfirm", { client })}</span>
      <button type="submit" disabled={pending} className={`${button} bg-red-700 text-white hover:bg-red-800`}>
        {t("endYes")}
      </button>
      <button type="button" className={button} onClick={() => setConfirming(false)}>
        {t("cancel")}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
