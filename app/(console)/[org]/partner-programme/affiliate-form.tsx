"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SavedStatus } from "@/components/ui/saved-status";
import { useSavingAction } from "@/components/ui/use-form-action";
import { setAffiliateAction } from "./actions";

/** PRT-1: join or leave the affiliate programme (a legal representative; a partner cannot join). */
export function AffiliateForm({ orgId, isAffiliate }: { orgId: string; isAffiliate: boolean }) {
  const t = useTranslations("partnerProgramme");
  const { state, formAction, onSubmit, pending, saved } = useSavingAction(setAffiliateAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      <div aria-live="polite">{state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}</div>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="affiliate" value={isAffiliate ? "leave" : "join"} />
      <Button type="submit" variant={isAffiliate ? "secondary" : "primary"} disabled={pending}>
        {isAffiliate ? t("affiliateLeave") : t("affiliateJoin")}
      </Button>
      <SavedStatus saved={saved} />
    </form>
  );
}
