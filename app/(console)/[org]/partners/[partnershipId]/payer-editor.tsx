"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SavedStatus } from "@/components/ui/saved-status";
import { useNotifyingAction } from "@/components/ui/use-form-action";
import type { PartnerPayer } from "@/lib/generated/prisma/enums";
import { changePayerAction } from "../actions";

/** PRT-6: the Payment section; the pencil opens the choice of who pays (full access only). */
export function PayerEditor({ orgId, partnershipId, payer, editable, headingId }: { orgId: string; partnershipId: string; payer: PartnerPayer; editable: boolean; headingId: string }) {
  const t = useTranslations("partnerships");
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { state, formAction, onSubmit, pending } = useNotifyingAction(changePayerAction, () => {
    setEditing(false);
    setSaved(true);
  });
  return (
    <div>
      <div className="flex items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {t("paymentTitle")}
        </h2>
        {editable && !editing ? (
          <button
            type="button"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
            aria-label={t("editPayer")}
            title={t("editPayer")}
            className="rounded p-1 text-slate-600 hover:bg-slate-100 focus:outline-2 focus:outline-brand-600"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <path d="M13.6 2.6a2 2 0 0 1 2.8 0l1 1a2 2 0 0 1 0 2.8l-9.9 9.9-4.2 1.2 1.2-4.2 9.1-9.1zm-8 9.5-.5 1.9 1.9-.5 8-8-1.4-1.4-8 8z" />
            </svg>
          </button>
        ) : null}
      </div>
      {editing ? (
        <form action={formAction} onSubmit={onSubmit} className="mt-2 space-y-2">
          <input type="hidden" name="orgId" value={orgId} />
          <input type="hidden" name="partnershipId" value={partnershipId} />
          <fieldset className="space-y-1">
            <legend className="sr-only">{t("payerLegend")}</legend>
            {(["CLIENT", "PARTNER"] as const).map((value) => (
              <label key={value} className="flex items-start gap-2 text-sm">
                <input type="radio" name="payer" value={value} defaultChecked={value === payer} className="mt-1" />
                <span>
                  <span className="font-medium">{t(`payer.${value}`)}</span>
                  <span className="block text-slate-600">{t(value === "CLIENT" ? "payerClientHelp" : "payerPartnerHelp")}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {state && !state.ok ? (
            <p role="alert" className="text-sm text-red-700">
              {state.message}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-1 text-sm" data-testid="payer">
          {t("payerLine", { payer: t(`payer.${payer}`) })}
        </p>
      )}
      <SavedStatus saved={saved ? 1 : 0} message={t("payerSaved")} className="mt-1" />
    </div>
  );
}
