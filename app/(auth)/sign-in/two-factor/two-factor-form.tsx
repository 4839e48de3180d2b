"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFormAction } from "@/app/(console)/[org]/organization/use-form-action";
import { rememberCurrentAccount } from "@/app/_actions/remembered-accounts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { verifySecondFactorAction } from "./actions";

type Method = { id: string; label: string };

export function TwoFactorForm({ methods }: { methods: Method[] }) {
  const t = useTranslations("twoFactor");
  const [mode, setMode] = useState<{ kind: "totp"; method: Method | undefined } | { kind: "backup" }>({ kind: "totp", method: methods[0] });
  const appName = (m: Method | undefined) => (m?.label ? t("appNamed", { label: m.label }) : t("app"));
  const alternatives = methods.filter((m) => mode.kind === "backup" || m.id !== mode.method?.id);

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{mode.kind === "backup" ? t("introBackup") : t("intro", { app: appName(mode.method) })}</p>
      </div>
      <CodeForm key={mode.kind === "backup" ? "backup" : mode.method?.id} kind={mode.kind} />

      <section aria-labelledby="alternatives" className="space-y-2 border-t border-slate-200 pt-4">
        <h2 id="alternatives" className="text-sm font-semibold">
          {t("alternatives")}
        </h2>
        <ul className="space-y-1 text-sm">
          {alternatives.map((m) => (
            <li key={m.id}>
              <button type="button" className="text-brand-700 underline" onClick={() => setMode({ kind: "totp", method: m })}>
                {appName(m)}
              </button>
            </li>
          ))}
          {mode.kind === "totp" ? (
            <li>
              <button type="button" className="text-brand-700 underline" onClick={() => setMode({ kind: "backup" })}>
                {t("useBackup")}
              </button>
            </li>
          ) : null}
        </ul>
      </section>

      <button type="button" className="text-sm text-slate-600 underline" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
        {t("cancel")}
      </button>
    </div>
  );
}

/** One code form per method, so switching method starts from an empty field and no stale error. */
function CodeForm({ kind }: { kind: "totp" | "backup" }) {
  const t = useTranslations("twoFactor");
  const router = useRouter();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(verifySecondFactorAction);
  const done = state?.ok === true;

  useEffect(() => {
    if (!done) return;
    // ACC-5: the account is remembered once every sign-in step passed.
    void rememberCurrentAccount().finally(() => {
      router.replace("/");
      router.refresh();
    });
  }, [done, router]);

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
