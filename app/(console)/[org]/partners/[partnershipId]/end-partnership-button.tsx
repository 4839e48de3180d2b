"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { endPartnershipAction } from "../actions";

/** PRT-7: "End the partnership", confirmed in a dialog; the partner's access ends at once. */
export function EndPartnershipButton({ orgId, partnershipId, name, active }: { orgId: string; partnershipId: string; name: string; active: boolean }) {
  const t = useTranslations("partnerships");
  const { state, onSubmit, pending } = useFormAction(endPartnershipAction);
  if (state?.ok) {
    return (
      <div className="space-y-2">
        <Alert tone="success">{t("ended", { name })}</Alert>
        <Link href={`/${orgId}/partners`} className="text-brand-700 text-sm underline">
          {t("backToPartners")}
        </Link>
      </div>
    );
  }
  if (!active) return null;
  return (
    <ConfirmButton
      label={t("end")}
      title={t("endConfirm", { name })}
      confirmLabel={t("endYes")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
    >
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="partnershipId" value={partnershipId} />
    </ConfirmButton>
  );
}
