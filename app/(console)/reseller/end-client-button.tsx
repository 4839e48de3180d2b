"use client";

import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { endClientPartnershipAction } from "./actions";

/** PRT-7: the partner ends the partnership with one client, confirmed in a dialog. */
export function EndClientButton({ partnershipId, client }: { partnershipId: string; client: string }) {
  const t = useTranslations("reseller");
  const { state, onSubmit, pending } = useFormAction(endClientPartnershipAction);
  if (state?.ok) return <span role="status" className="text-xs text-green-800">{t("ended", { client })}</span>;
  return (
    <ConfirmButton
      label={t("end")}
      ariaLabel={t("endLabel", { client })}
      buttonClassName="rounded-md border border-slate-300 px-2 py-1 text-xs text-red-700 hover:bg-slate-50"
      title={t("endConfirm", { client })}
      confirmLabel={t("endYes")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
    >
      <input type="hidden" name="partnershipId" value={partnershipId} />
    </ConfirmButton>
  );
}
