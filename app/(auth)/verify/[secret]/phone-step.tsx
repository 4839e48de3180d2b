"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFormAction, useNotifyingAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { confirmPhoneAction, sendPhoneCodeAction } from "./actions";

/** IDV-2, step 1: a phone number, then the 6-digit code sent to it. */
export function PhoneStep({ secret, codeSent, phoneMasked }: { secret: string; codeSent: boolean; phoneMasked: string | null }) {
  const t = useTranslations("verification");
  const [askPhone, setAskPhone] = useState(!codeSent);
  const send = useNotifyingAction(sendPhoneCodeAction, () => setAskPhone(false));
  const sentTo = send.state?.ok ? send.state.data?.phone : undefined;

  if (askPhone) {
    return (
      <form onSubmit={send.onSubmit} className="space-y-3" noValidate>
        <input type="hidden" name="secret" value={secret} />
        <h2 className="font-semibold">{t("phoneTitle")}</h2>
        {send.state && !send.state.ok && !send.fieldErrors.phone ? <Alert tone="error">{send.state.message}</Alert> : null}
        <Field label={t("phone")} name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={40} required autoFocus help={t("phoneHelp")} error={send.fieldErrors.phone} />
        <Button type="submit" className="w-full" disabled={send.pending}>
          {send.pending ? t("sending") : t("sendCode")}
        </Button>
      </form>
    );
  }
  return <CodeForm secret={secret} phone={sentTo ?? phoneMasked} onChangeNumber={() => setAskPhone(true)} />;
}

function CodeForm({ secret, phone, onChangeNumber }: { secret: string; phone: string | null; onChangeNumber: () => void }) {
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
      <p className="text-sm text-slate-600">{t("codeSentTo", { phone: phone ?? "" })}</p>
      {confirm.state && !confirm.state.ok && !confirm.fieldErrors.code ? <Alert tone="error">{confirm.state.message}</Alert> : null}
      {done ? <Alert tone="success">{t("phoneConfirmed")}</Alert> : null}
      <Field label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required autoFocus error={confirm.fieldErrors.code} />
      <Button type="submit" className="w-full" disabled={confirm.pending || done}>
        {confirm.pending ? t("confirming") : t("confirmCode")}
      </Button>
      <button type="button" className="text-sm text-brand-700 underline" onClick={onChangeNumber}>
        {t("newCode")}
      </button>
    </form>
  );
}
