"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SavedStatus } from "@/components/ui/saved-status";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { updateOrganizationAction } from "./actions";
import { useSavingAction } from "@/components/ui/use-form-action";

export type EditableDetails = {
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  contactEmail: string | null;
  website: string | null;
};

/** ORG-1 / ORG-7: the legal representative's form for the name, address and contact details. */
export function DetailsForm({ orgId, details }: { orgId: string; details: EditableDetails }) {
  const t = useTranslations("organization");
  const { state, formAction, onSubmit, pending, fieldErrors: fe, saved } = useSavingAction(updateOrganizationAction);
  return (
    // Remounted when the stored details change, so the fields show them as saved (e.g. the normalized website).
    <form key={JSON.stringify(details)} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div aria-live="polite">
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        <SavedStatus saved={saved} message={t("detailsSaved")} />
      </div>
      <input type="hidden" name="orgId" value={orgId} />
      <Field label={t("name")} name="name" defaultValue={details.name} autoComplete="organization" required maxLength={120} error={fe.name} />
      <Field label={t("street")} name="street" defaultValue={details.street ?? ""} autoComplete="street-address" maxLength={200} error={fe.street} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("postalCode")} name="postalCode" defaultValue={details.postalCode ?? ""} autoComplete="postal-code" maxLength={20} error={fe.postalCode} />
        <Field
          className="sm:col-span-2"
          label={t("city")}
          name="city"
          defaultValue={details.city ?? ""}
          autoComplete="address-level2"
          maxLength={100}
          error={fe.city}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("phone")} name="phone" type="tel" defaultValue={details.phone ?? ""} autoComplete="tel" maxLength={30} error={fe.phone} />
        <Field
          label={t("contactEmail")}
          name="contactEmail"
          type="email"
          defaultValue={details.contactEmail ?? ""}
          autoComplete="email"
          maxLength={254}
          error={fe.contactEmail}
        />
      </div>
      <Field label={t("website")} name="website" type="url" inputMode="url" defaultValue={details.website ?? ""} help={t("websiteHelp")} maxLength={200} error={fe.website} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveDetails")}
      </Button>
    </form>
  );
}
