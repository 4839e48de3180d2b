"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { pairDeviceAction } from "../../actions";

export function PairForm({ secret }: { secret: string }) {
  const t = useTranslations("devices");
  const [state, formAction, pending] = useActionState(() => pairDeviceAction(secret), null);
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {t("pairConfirm")}
      </Button>
    </form>
  );
}
