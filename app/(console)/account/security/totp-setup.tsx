"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { QrCode } from "@/components/ui/qr-code";
import { confirmTotpAction, startTotpAction } from "./actions";
import { BackupCodesDisplay } from "./codes-display";
import { SubmitOrCancel } from "./password-confirm-form";

/** 2FA-1: adds an authenticator app: QR code and key in text, then a first code confirms it. */
export function TotpSetup({ email, provider, needsPassword }: { email: string; provider: string; needsPassword: boolean }) {
  const t = useTranslations("security");
  const [open, setOpen] = useState(false);
  const start = useFormAction(startTotpAction);
  const confirm = useFormAction(confirmTotpAction);
  const enrolment = start.state?.ok ? start.state.data : undefined;

  if (confirm.state?.ok) {
    const codes = confirm.state.data?.backupCodes;
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("setupDone")}</Alert>
        {codes ? <BackupCodesDisplay codes={codes} email={email} provider={provider} /> : null}
      </div>
    );
  }

  if (!open) {
    return (
      <Button type="button" onClick={() => setOpen(true)}>
        {t("setupTotp")}
      </Button>
    );
  }

  if (!enrolment) {
    return (
      <form onSubmit={start.onSubmit} className="max-w-sm space-y-3 rounded-md border border-slate-200 p-3" noValidate>
        {start.state && !start.state.ok ? <Alert tone="error">{start.state.message}</Alert> : null}
        <Field label={t("setupLabel")} name="label" maxLength={60} help={t("setupLabelHelp")} error={start.fieldErrors.label} />
        {needsPassword ? (
          <Field label={t("password")} name="password" type="password" autoComplete="current-password" required help={t("passwordHelp")} error={start.fieldErrors.password} />
        ) : null}
        <SubmitOrCancel label={t("setupStart")} pending={start.pending} onCancel={() => setOpen(false)} />
      </form>
    );
  }

  return (
    <form onSubmit={confirm.onSubmit} className="max-w-md space-y-3 rounded-md border border-slate-200 p-3" noValidate>
      <input type="hidden" name="methodId" value={enrolment.methodId} />
      <p className="text-sm">{t("setupScan")}</p>
      <QrCode src={enrolment.qrDataUrl} alt={t("qrAlt")} caption={t("setupSecret")} text={enrolment.secret} testId="totp-secret" />
      {confirm.state && !confirm.state.ok && !confirm.fieldErrors.code ? <Alert tone="error">{confirm.state.message}</Alert> : null}
      <Field
        label={t("setupCode")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        autoFocus
        error={confirm.fieldErrors.code}
      />
      <SubmitOrCancel label={t("setupConfirm")} pending={confirm.pending} onCancel={() => setOpen(false)} />
    </form>
  );
}
