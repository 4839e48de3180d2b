"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { endPartnershipAction } from "../actions";

/** PRT-7: "End the partnership", confirmed by a second click; the partner's access ends at once. */
export function EndPartnershipButton({ orgId, partnershipId, name, active }: { orgId: string; partnershipId: string; name: string; active: boolean }) {
  const t = useTranslations("partnerships");
  const [confirming, setConfirming] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(endPartnershipAction);
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
  if (!confirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        {t("end")}
      </Button>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 rounded-lg border border-red-200 bg-red-50 p-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="partnershipId" value={partnershipId} />
      <span className="text-sm">{t("endConfirm", { name })}</span>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("endYes")}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        {t("cancel")}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
