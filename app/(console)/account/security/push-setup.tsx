"use client";

import { useTranslations } from "next-intl";
import { startTransition, useEffect, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { QrCode } from "@/components/ui/qr-code";
import { pushStatusAction, startPushAction } from "./device-actions";
import { BackupCodesDisplay } from "./codes-display";
import { SubmitOrCancel } from "./password-confirm-form";

const POLL_MS = 2000;

/** 2FA-1 ("kAuth"): pairs a phone's browser as a push-approval device through a QR code / link. */
export function PushSetup({ email, provider }: { email: string; provider: string }) {
  const t = useTranslations("devices");
  const [round, setRound] = useState(0);
  if (round % 2 === 0) {
    return (
      <Button type="button" variant="secondary" onClick={() => setRound((r) => r + 1)}>
        {t("addPush")}
      </Button>
    );
  }
  // A new round starts from a fresh form: a cancelled or expired pairing is not shown again.
  return <PushPairing key={round} email={email} provider={provider} onClose={() => setRound((r) => r + 1)} />;
}

function PushPairing({ email, provider, onClose }: { email: string; provider: string; onClose: () => void }) {
  const t = useTranslations("devices");
  const ts = useTranslations("security");
  const start = useFormAction(startPushAction);
  const status = useFormAction(pushStatusAction);
  const enrolment = start.state?.ok ? start.state.data : undefined;
  const current = status.state?.ok ? status.state.data : undefined;
  const settled = current?.status === "paired" || current?.status === "expired";

  useEffect(() => {
    if (!enrolment || settled || status.pending) return;
    const timer = setTimeout(() => {
      const fd = new FormData();
      fd.set("methodId", enrolment.methodId);
      startTransition(() => status.formAction(fd));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [enrolment, settled, status]);

  if (current?.status === "paired") {
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("paired")}</Alert>
        {/* Polling stops once paired, so these codes (made once, 2FA-2) stay on screen. */}
        {current.backupCodes ? <BackupCodesDisplay codes={current.backupCodes} email={email} provider={provider} /> : null}
      </div>
    );
  }

  if (!enrolment) {
    return (
      <form onSubmit={start.onSubmit} className="max-w-sm space-y-3 rounded-md border border-slate-200 p-3" noValidate>
        <p className="text-sm text-slate-600">{t("addPushExplain")}</p>
        {start.state && !start.state.ok ? <Alert tone="error">{start.state.message}</Alert> : null}
        <Field id="push-label" label={t("deviceName")} name="label" maxLength={60} help={t("deviceNameHelp")} error={start.fieldErrors.label} />
        <Field id="push-password" label={ts("password")} name="password" type="password" autoComplete="current-password" required help={ts("passwordHelp")} error={start.fieldErrors.password} />
        <SubmitOrCancel label={t("showPairingCode")} pending={start.pending} onCancel={onClose} />
      </form>
    );
  }

  return (
    <div className="max-w-md space-y-3 rounded-md border border-slate-200 p-3">
      {current?.status === "expired" ? (
        <Alert tone="error">{t("pairingExpired")}</Alert>
      ) : (
        <>
          <p className="text-sm">{t("pairScan")}</p>
          <QrCode src={enrolment.qrDataUrl} alt={t("pairQrAlt")} caption={t("pairLinkText")} text={enrolment.pairingUrl} testId="pairing-link" />
          <p role="status" className="text-sm text-slate-600">
            {t("waitingForDevice")}
          </p>
        </>
      )}
      <Button type="button" variant="secondary" onClick={onClose}>
        {ts("cancel")}
      </Button>
    </div>
  );
}
