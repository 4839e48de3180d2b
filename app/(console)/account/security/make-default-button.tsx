"use client";

import { useTranslations } from "next-intl";
import { SavedStatus } from "@/components/ui/saved-status";
import { useSavingAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { makeDefaultAction } from "./device-actions";

/** 2FA-1: makes this method the one the second step opens on. */
export function MakeDefaultButton({ methodId, name }: { methodId: string; name: string }) {
  const t = useTranslations("devices");
  const { state, onSubmit, pending, saved } = useSavingAction(makeDefaultAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="methodId" value={methodId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("makeDefaultNamed", { name })}>
        {t("makeDefault")}
      </Button>
      <SavedStatus saved={saved} />
    </form>
  );
}
