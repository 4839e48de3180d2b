"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { FormActions } from "@/components/ui/form-actions";
import { Field, SelectField } from "@/components/ui/field";
import { addBillingAddressAction, updateBillingAddressAction } from "./actions";
import { useNotifyingAction } from "@/components/ui/use-form-action";

export type Address = { id: string; label: string; name: string; street: string; postalCode: string; city: string; country: string; isDefault: boolean };
export type Country = { code: string; name: string };

/** ORG-7: adds a billing address, or edits one when `address` is given. */
export function AddressForm({
  orgId,
  address,
  countries,
  isFirst = false,
  onDone,
  onCancel,
}: {
  orgId: string;
  address?: Address;
  countries: Country[];
  isFirst?: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("organization");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useNotifyingAction(address ? updateBillingAddressAction : addBillingAddressAction, onDone);
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" noValidate>
      <h3 className="text-sm font-semibold">{address ? t("editAddressNamed", { label: address.label }) : t("newAddress")}</h3>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="orgId" value={orgId} />
      {address ? <input type="hidden" name="addressId" value={address.id} /> : null}
      <Field id={id("label")} label={t("addressLabel")} name="label" defaultValue={address?.label} help={t("addressLabelHelp")} required maxLength={60} error={fe.label} />
      <Field id={id("name")} label={t("addressName")} name="name" defaultValue={address?.name} autoComplete="organization" required maxLength={120} error={fe.name} />
      <Field id={id("street")} label={t("street")} name="street" defaultValue={address?.street} autoComplete="street-address" required maxLength={200} error={fe.street} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("postalCode")} label={t("postalCode")} name="postalCode" defaultValue={address?.postalCode} autoComplete="postal-code" required maxLength={20} error={fe.postalCode} />
        <Field id={id("city")} className="sm:col-span-2" label={t("city")} name="city" defaultValue={address?.city} autoComplete="address-level2" required maxLength={100} error={fe.city} />
      </div>
      <SelectField
        id={id("country")}
        label={t("country")}
        name="country"
        defaultValue={address?.country ?? ""}
        required
        placeholder={t("chooseCountry")}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        error={fe.country}
      />
      {address ? null : isFirst ? (
        <p className="text-sm text-slate-600">{t("firstIsDefault")}</p>
      ) : (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="makeDefault" value="true" />
          {t("makeDefaultOnAdd")}
        </label>
      )}
      <FormActions submitLabel={pending ? t("saving") : address ? t("saveAddress") : t("addAddressSubmit")} pending={pending} cancelLabel={t("cancel")} onCancel={onCancel} />
    </form>
  );
}
