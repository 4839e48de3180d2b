"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SecretCopyField, SecretReveal } from "@/components/ui/secret-reveal";
import { useFormAction } from "@/components/ui/use-form-action";
import { createApiTokenAction } from "./actions";

type Group = { resource: string; scopes: string[] };
type Org = { id: string; name: string };

/** TOK-1: name, scopes (within the creator's rights), validity, optional Organizations, and the password typed again. */
export function CreateTokenForm({ groups, organizations }: { groups: Group[]; organizations: Org[] }) {
  const t = useTranslations("apiTokens");
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(createApiTokenAction);
  const [validity, setValidity] = useState<"unlimited" | "days" | "date">("unlimited");
  const created = state?.ok ? (state.data as { token: string; name: string } | undefined) : undefined;
  return (
    <div className="mt-3 space-y-4">
      {created ? <NewToken token={created.token} name={created.name} /> : null}
      <form onSubmit={onSubmit} action={formAction} className="space-y-4" noValidate>
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        <Field label={t("form.name")} name="name" required maxLength={80} error={fieldErrors.name} help={t("form.nameHelp")} />
        <fieldset aria-describedby={fieldErrors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t("form.scopes")}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {groups.map((g) => (
              <div key={g.resource} role="group" aria-labelledby={`scope-group-${g.resource}`} className="rounded-md border border-slate-200 p-3">
                <p id={`scope-group-${g.resource}`} className="text-sm font-medium">
                  {t(`resources.${g.resource}`)}
                </p>
                {g.scopes.map((s) => (
                  <label key={s} className="mt-1 flex items-center gap-2 text-sm">
                    <input type="checkbox" name="scopes" value={s} />
                    <span>{t(`modes.${s.split(":")[1]}`)}</span>
                    <code className="text-xs text-slate-500">{s}</code>
                  </label>
                ))}
              </div>
            ))}
          </div>
          {fieldErrors.scopes ? (
            <p id="scopes-error" className="mt-1 text-sm text-red-700">
              {fieldErrors.scopes}
            </p>
          ) : null}
        </fieldset>
        <fieldset aria-describedby="orgs-help">
          <legend className="text-sm font-medium text-slate-700">{t("form.organizations")}</legend>
          <p id="orgs-help" className="text-sm text-slate-600">
            {t("form.organizationsHelp")}
          </p>
          <div className="mt-2 space-y-1">
            {organizations.map((o) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="orgIds" value={o.id} />
                {o.name}
              </label>
            ))}
          </div>
          {fieldErrors.orgIds ? <p className="mt-1 text-sm text-red-700">{fieldErrors.orgIds}</p> : null}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("form.validity")}</legend>
          <div className="mt-2 space-y-2">
            {(["unlimited", "days", "date"] as const).map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm">
                <input type="radio" name="validity" value={v} checked={validity === v} onChange={() => setValidity(v)} />
                {t(`form.validity_${v}`)}
              </label>
            ))}
          </div>
          {validity === "days" ? <Field className="mt-2 max-w-40" type="number" min={1} max={3650} label={t("form.days")} name="days" error={fieldErrors.days} /> : null}
          {validity === "date" ? <Field className="mt-2 max-w-52" type="date" label={t("form.date")} name="date" error={fieldErrors.date} /> : null}
        </fieldset>
        <Field label={t("form.password")} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} help={t("form.passwordHelp")} />
        <Button type="submit" disabled={pending}>
          {t("form.submit")}
        </Button>
      </form>
    </div>
  );
}

function NewToken({ token, name }: { token: string; name: string }) {
  const t = useTranslations("apiTokens");
  return (
    <SecretReveal titleId="new-token-title" title={t("created.title", { name })} once={t("created.once")}>
      <SecretCopyField id="new-token" value={token} label={t("created.label")} copyLabel={t("created.copy")} copiedLabel={t("created.copied")} testId="new-token" />
    </SecretReveal>
  );
}
