"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { BackupCodesDisplay } from "./codes-display";
import { confirmSmsAction, resendSmsAction, startSmsAction } from "./device-actions";
import { SubmitOrCancel } from "./password-confirm-form";

/** 2FA-1: adds an SMS method: phone number (and password), then the 6-digit code received. */
export function SmsSetup({ email, provider }: { email: string; provider: string }) {
  const t = useTranslations("devices");
  const [round, setRound] = useState(0);
  if (round % 2 === 0) {
    return (
      <Button type="button" variant="secondary" onClick={() => setRound((r) => r + 1)}>
        {t("addSms")}
      </Button>
    );
  }
  return <SmsEnrolment key={round} email={email} provider={provider} onClose={() => setRound((r) => r + 1)} />;
}

function SmsEnrolment({ email, provider, onClose }: { email: string; provider: string; onClose: () => void }) {
  const t = useTranslations("devices");
  const ts = useTranslations("security");
  const start = useFormAction(startSmsAction);
  const resend = useFormAction(resendSmsAction);
  const confirm = useFormAction(confirmSmsAction);
  const enrolment = start.state?.ok ? start.state.data : undefined;

  if (confirm.state?.ok) {
    const codes = confirm.state.data?.backupCodes;
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("smsActive")}</Alert>
        {codes ? <BackupCodesDisplay codes={codes} email={email} provider={provider} /> : null}
      </div>
    );
  }

  if (!enrolment) {
    return (
      <form onSubmit={start.onSubmit} className="max-w-sm space-y-3 rounded-md border border-slate-200 p-3" noValidate>
        {start.state && !start.state.ok && !start.fieldErrors.phone ? <Alert tone="error">{start.state.message}</Alert> : null}
        <Field id="sms-phone" label={t("phone")} name="phone" type="tel" autoComplete="tel" required help={t("phoneHelp")} error={start.fieldErrors.phone} />
        <Field id="sms-password" label={ts("password")} name="password" type="password" autoComplete="current-password" required help={ts("passwordHelp")} error={start.fieldErrors.password} />
        <SubmitOrCancel label={t("sendCode")} pending={start.pending} onCancel={onClose} />
      </form>
    );
  }

  return (
    <div className="max-w-sm space-y-3 rounded-md border border-slate-200 p-3">
      <form onSubmit={confirm.onSubmit} className="space-y-3" noValidate>
        <input type="hidden" name="methodId" value={enrolment.methodId} />
        <p role="status" className="text-sm">
          {t("smsSent", { phone: enrolment.maskedPhone })}
        </p>
        {confirm.state && !confirm.state.ok && !confirm.fieldErrors.code ? <Alert tone="error">{confirm.state.message}</Alert> : null}
        <Field id="sms-code" label={t("smsCode")} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required autoFocus error={confirm.fieldErrors.code} />
        <SubmitOrCancel label={ts("setupConfirm")} pending={confirm.pending} onCancel={onClose} />
      </form>
      <form onSubmit={resend.onSubmit}>
        <input type="hidden" name="methodId" value={enrolment.methodId} />
        {resend.state?.ok ? <p role="status" className="text-sm text-green-800">{t("smsResent")}</p> : null}
        {resend.state && !resend.state.ok ? <Alert tone="error">{resend.state.message}</Alert> : null}
        <button type="submit" className="text-sm text-brand-700 underline" disabled={resend.pending}>
          {t("smsResend")}
        </button>
      </form>
    </div>
  );
}
