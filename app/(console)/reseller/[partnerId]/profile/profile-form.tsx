"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SavedStatus } from "@/components/ui/saved-status";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useSavingAction } from "@/components/ui/use-form-action";
import { PARTNER_REGIONS, PARTNER_SPECIALITIES } from "@/lib/partners/directory-options";
import { updatePartnerProfileAction } from "./actions";

type Profile = { id: string; displayName: string; website: string; region: string | null; specialities: string[]; inDirectory: boolean; tendersOptIn: boolean };

/** PRT-1: what the public directory shows of the partner, and whether it is listed and receives calls for tenders. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const t = useTranslations("resellerProfile");
  const td = useTranslations("partnersDirectory");
  const { state, onSubmit, formAction, pending, fieldErrors: fe, saved } = useSavingAction(updatePartnerProfileAction);
  return (
    <form key={JSON.stringify(profile)} action={formAction} onSubmit={onSubmit} className="max-w-2xl space-y-4" noValidate>
      <div aria-live="polite">
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        <SavedStatus saved={saved} message={t("saved")} />
      </div>
      <input type="hidden" name="partnerId" value={profile.id} />
      <Field label={t("displayName")} name="displayName" defaultValue={profile.displayName} required maxLength={120} error={fe.displayName} />
      <Field label={t("website")} name="website" type="url" inputMode="url" defaultValue={profile.website} required maxLength={200} error={fe.website} />
      <SelectField
        label={t("region")}
        name="region"
        defaultValue={profile.region ?? ""}
        options={[{ value: "", label: t("noRegion") }, ...PARTNER_REGIONS.map((r) => ({ value: r, label: td(`regions.${r}`) }))]}
        error={fe.region}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t("specialities")}</legend>
        <div className="grid gap-1 sm:grid-cols-3">
          {PARTNER_SPECIALITIES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="specialities" value={s} defaultChecked={profile.specialities.includes(s)} />
              {td(`specialities.${s}`)}
            </label>
          ))}
        </div>
        {fe.specialities ? <p className="text-sm text-red-700">{fe.specialities}</p> : null}
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="inDirectory" className="mt-1" defaultChecked={profile.inDirectory} />
        <span>{t("inDirectory")}</span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="tendersOptIn" className="mt-1" defaultChecked={profile.tendersOptIn} />
        <span>{t("tendersOptIn")}</span>
      </label>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
