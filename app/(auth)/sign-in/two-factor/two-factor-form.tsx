"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { verifySecondFactorAction } from "./actions";
import { useFinishSignIn } from "./finish-sign-in";
import { PushApproval } from "./push-approval";
import { RequestHelpItem } from "./request-help-link";
import { SmsStep } from "./sms-step";

export type SecondStepMethod = { id: string; type: "TOTP" | "PUSH" | "SMS"; label: string; maskedPhone: string | null };
type Method = SecondStepMethod;
/** "offline": the code a push device shows when it cannot receive requests. */
type Mode = { kind: "method" | "offline"; method: Method | undefined } | { kind: "backup" };

export function TwoFactorForm({ methods }: { methods: Method[] }) {
  const t = useTranslations("twoFactor");
  const td = useTranslations("devices");
  // The default method comes first (2FA-1).
  const [mode, setMode] = useState<Mode>({ kind: "method", method: methods[0] });
  const appName = (m: Method | undefined) => (m?.label ? t("appNamed", { label: m.label }) : t("app"));
  const methodName = (m: Method) =>
    m.type === "PUSH" ? (m.label ? td("pushNamed", { label: m.label }) : td("push")) : m.type === "SMS" ? td("smsTo", { phone: m.maskedPhone ?? "" }) : appName(m);
  const current = mode.kind === "backup" ? undefined : mode.method;
  const alternatives = methods.filter((m) => mode.kind !== "method" || m.id !== current?.id);
  const intro =
    mode.kind === "backup" ? t("introBackup")
    : mode.kind === "offline" ? td("introOffline")
    : current?.type === "PUSH" ? td("introPush")
    : current?.type === "SMS" ? td("introSms")
    : t("intro", { app: appName(current) });
  const formKey = `${mode.kind}-${current?.id ?? ""}`;

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{intro}</p>
      </div>
      {mode.kind === "method" && current?.type === "PUSH" ? (
        <PushApproval key={formKey} methodId={current.id} onUseCode={() => setMode({ kind: "offline", method: current })} />
      ) : mode.kind === "method" && current?.type === "SMS" ? (
        <SmsStep key={formKey} methodId={current.id} maskedPhone={current.maskedPhone ?? ""}>
          <CodeForm kind="sms" />
        </SmsStep>
      ) : (
        <CodeForm key={formKey} kind={mode.kind === "backup" ? "backup" : "totp"} />
      )}

      <section aria-labelledby="alternatives" className="space-y-2 border-t border-slate-200 pt-4">
        <h2 id="alternatives" className="text-sm font-semibold">
          {t("alternatives")}
        </h2>
        <ul className="space-y-1 text-sm">
          {alternatives.map((m) => (
            <li key={m.id}>
              <button type="button" className="text-brand-700 underline" onClick={() => setMode({ kind: "method", method: m })}>
                {methodName(m)}
              </button>
            </li>
          ))}
          {mode.kind !== "backup" ? (
            <li>
              <button type="button" className="text-brand-700 underline" onClick={() => setMode({ kind: "backup" })}>
                {t("useBackup")}
              </button>
            </li>
          ) : null}
          <RequestHelpItem />
        </ul>
      </section>

      <button type="button" className="text-sm text-slate-600 underline" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
        {t("cancel")}
      </button>
    </div>
  );
}

/** One code form per method, so switching method starts from an empty field and no stale error. */
function CodeForm({ kind }: { kind: "totp" | "backup" | "sms" }) {
  const t = useTranslations("twoFactor");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(verifySecondFactorAction);
  const done = state?.ok === true;
  useFinishSignIn(done);

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="kind" value={kind} />
      {state && !state.ok && !fieldErrors.code ? <Alert tone="error">{state.message}</Alert> : null}
      {done ? <Alert tone="success">{t("verified")}</Alert> : null}
      {kind === "backup" ? (
        <Field label={t("backupCode")} name="code" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={20} required autoFocus error={fieldErrors.code} />
      ) : (
        <Field label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required autoFocus error={fieldErrors.code} />
      )}
      <Button type="submit" className="w-full" disabled={pending || done}>
        {pending ? t("verifying") : t("verify")}
      </Button>
    </form>
  );
}
