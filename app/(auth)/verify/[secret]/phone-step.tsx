"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFormAction, useNotifyingAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { confirmPhoneAction, sendPhoneCodeAction } from "./actions";

/**
 * IDV-2, step 1: a 6-digit code sent to the phone already on the account, then typed here. SEC-3: the
 * number is the account's, shown masked; the link holder cannot choose another one.
 */
export function PhoneStep({ secret, codeSent, phoneMasked }: { secret: string; codeSent: boolean; phoneMasked: string }) {
  const t = useTranslations("verification");
  const [sent, setSent] = useState(codeSent);
  const send = useNotifyingAction(sendPhoneCodeAction, () => setSent(true));

  if (!sent) {
    return (
      <form onSubmit={send.onSubmit} className="space-y-3" noValidate>
        <input type="hidden" name="secret" value={secret} />
        <h2 className="font-semibold">{t("phoneTitle")}</h2>
        <p className="text-sm text-slate-600" data-testid="case-phone">
          {t("codeWillGoTo", { phone: phoneMasked })}
        </p>
        {send.state && !send.state.ok ? <Alert tone="error">{send.state.message}</Alert> : null}
        <Button type="submit" className="w-full" disabled={send.pending}>
          {send.pending ? t("sending") : t("sendCode")}
        </Button>
      </form>
    );
  }
  return <CodeForm secret={secret} phone={phoneMasked} onNewCode={() => setSent(false)} />;
}

function CodeForm({ secret, phone, onNewCode }: { secret: string; phone: string; onNewCode: () => void }) {
  const t = useTranslations("verification");
  const router = useRouter();
  const confirm = useFormAction(confirmPhoneAction);
  const done = confirm.state?.ok === true;

  useEffect(() => {
    if (done) router.refresh();
  }, [done, router]);

  return (
    <form onSubmit={confirm.onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="secret" value={secret} />
      <h2 className="font-semibold">{t("codeTitle")}</h2>
      <p className="text-sm text-slate-600">{t("codeSentTo", { phone })}</p>
      {confirm.state && !confirm.state.ok && !confirm.fieldErrors.code ? <Alert tone="error">{confirm.state.message}</Alert> : null}
      {done ? <Alert tone="success">{t("phoneConfirmed")}</Alert> : null}
      <Field label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required autoFocus error={confirm.fieldErrors.code} />
      <Button type="submit" className="w-full" disabled={confirm.pending || done}>
        {confirm.pending ? t("confirming") : t("confirmCode")}
      </Button>
      <button type="button" className="text-sm text-brand-700 underline" onClick={onNewCode}>
        {t("newCode")}
      </button>
    </form>
  );
}
