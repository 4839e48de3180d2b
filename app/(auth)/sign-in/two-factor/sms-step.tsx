"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendSignInSmsAction } from "./device-actions";

/** 2FA-1: "Send a code by SMS to +41 ••• •• 67", then the code form (`children`). */
export function SmsStep({ methodId, maskedPhone, children }: { methodId: string; maskedPhone: string; children: ReactNode }) {
  const t = useTranslations("devices");
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const res = await sendSignInSmsAction(methodId);
      if (res?.ok) {
        setSent(true);
        setError(null);
      } else setError(res?.message ?? null);
    });

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {sent ? (
        <>
          <p role="status" className="text-sm text-slate-700">
            {t("smsSent", { phone: maskedPhone })}
          </p>
          {children}
          <button type="button" className="text-sm text-brand-700 underline" onClick={send} disabled={pending}>
            {t("smsResend")}
          </button>
        </>
      ) : (
        <Button type="button" className="w-full" onClick={send} disabled={pending}>
          {t("smsSend", { phone: maskedPhone })}
        </Button>
      )}
    </div>
  );
}
