"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { deleteBillingAddressAction, setDefaultBillingAddressAction } from "./actions";
import { AddressForm, type Address, type Country } from "./address-form";
import { useNotifyingAction } from "@/components/ui/use-form-action";

/** ORG-7: the legal representative's billing addresses — add, edit, delete, make default (exactly one default). */
export function BillingAddresses({ orgId, addresses, countries }: { orgId: string; addresses: Address[]; countries: Country[] }) {
  const t = useTranslations("organization");
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  return (
    <div className="space-y-4">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {addresses.length === 0 ? <p className="text-sm text-slate-600">{t("noBillingAddress")}</p> : null}
      <ul className="space-y-3">
        {addresses.map((a) => (
          <AddressItem key={a.id} orgId={orgId} address={a} countries={countries} countryName={countryName(a.country)} onNotice={setNotice} />
        ))}
      </ul>
      {adding ? (
        <AddressForm
          orgId={orgId}
          countries={countries}
          isFirst={addresses.length === 0}
          onDone={() => {
            setAdding(false);
            setNotice(t("addressAdded"));
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          {t("addAddress")}
        </Button>
      )}
    </div>
  );
}

function AddressItem({
  orgId,
  address,
  countries,
  countryName,
  onNotice,
}: {
  orgId: string;
  address: Address;
  countries: Country[];
  countryName: string;
  onNotice: (message: string) => void;
}) {
  const t = useTranslations("organization");
  const [editing, setEditing] = useState(false);
  const makeDefault = useNotifyingAction(setDefaultBillingAddressAction, () => onNotice(t("defaultChanged")));
  const remove = useNotifyingAction(deleteBillingAddressAction, () => onNotice(t("addressDeleted")));
  const error = [makeDefault.state, remove.state].find((s) => s && !s.ok);
  const headingId = useId();

  if (editing) {
    return (
      <li>
        <AddressForm
          orgId={orgId}
          address={address}
          countries={countries}
          onDone={() => {
            setEditing(false);
            onNotice(t("addressSaved"));
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="rounded-md border border-slate-200 p-3" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="text-sm">
          <p id={headingId} className="font-medium">
            {address.label}
            {address.isDefault ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">{t("default")}</span> : null}
          </p>
          <address className="not-italic text-slate-700">
            {address.name}
            <br />
            {address.street}
            <br />
            {address.postalCode} {address.city}
            <br />
            {countryName}
          </address>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setEditing(true)} aria-label={t("editAddressNamed", { label: address.label })}>
            {t("edit")}
          </Button>
          {address.isDefault ? null : (
            <form action={makeDefault.formAction} onSubmit={makeDefault.onSubmit}>
              <input type="hidden" name="orgId" value={orgId} />
              <input type="hidden" name="addressId" value={address.id} />
              <Button type="submit" variant="secondary" disabled={makeDefault.pending} aria-label={t("makeDefaultNamed", { label: address.label })}>
                {t("makeDefault")}
              </Button>
            </form>
          )}
          <ConfirmButton
            label={t("delete")}
            ariaLabel={t("deleteAddressNamed", { label: address.label })}
            variant="secondary"
            title={t("deleteAddressNamed", { label: address.label })}
            description={address.isDefault ? t("deleteDefaultNote") : undefined}
            confirmLabel={t("confirmDelete", { label: address.label })}
            cancelLabel={t("cancel")}
            onSubmit={remove.onSubmit}
            pending={remove.pending}
            error={remove.state && !remove.state.ok ? remove.state.message : null}
            result={remove.state}
          >
            <input type="hidden" name="orgId" value={orgId} />
            <input type="hidden" name="addressId" value={address.id} />
          </ConfirmButton>
        </div>
      </div>
      {error && !error.ok ? (
        <div className="mt-2">
          <Alert tone="error">{error.message}</Alert>
        </div>
      ) : null}
    </li>
  );
}
