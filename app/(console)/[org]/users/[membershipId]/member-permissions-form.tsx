"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProductPicker } from "@/components/products/product-picker";
import type { ProductOptionsPage } from "@/lib/products/list-product-options";
import { useNotifyingAction } from "@/components/ui/use-form-action";
import { updateMemberPermissionsAction } from "./actions";

type Props = {
  orgId: string;
  member: {
    membershipId: string;
    isSelf: boolean;
    /** First pages of what the member holds directly and through teams, and of what may be granted. */
    granted: ProductOptionsPage;
    viaTeams: ProductOptionsPage;
    grantable: ProductOptionsPage | null;
    categories: string[];
    contactPrefs: string[];
    contactPreferences: string[];
    canEditProducts: boolean;
    canEditContactPrefs: boolean;
  };
};

export function MemberPermissionsForm({ orgId, member }: Props) {
  const t = useTranslations();
  // Each saved change remounts the picker, which starts again from what the refreshed page says is granted.
  const [saves, setSaves] = useState(0);
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useNotifyingAction(updateMemberPermissionsAction, () => setSaves((n) => n + 1));
  const editable = member.canEditProducts || member.canEditContactPrefs;
  const box = "rounded-lg border border-slate-200 bg-white p-4";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="membershipId" value={member.membershipId} />
      {state?.ok ? <Alert tone="success">{t("memberPermissions.saved")}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {!editable ? <Alert tone="info">{t("memberPermissions.readOnly")}</Alert> : null}

      <fieldset className={box} aria-describedby={`mp-products-help${fe.productIds ? " mp-products-error" : ""}`}>
        <legend className="px-1 text-sm font-medium text-slate-700">{t("memberPermissions.products")}</legend>
        <p id="mp-products-help" className="text-xs text-slate-500">
          {t(member.canEditProducts ? "memberPermissions.productsHelp" : "memberPermissions.productsReadOnly")}
        </p>
        {fe.productIds ? (
          <p id="mp-products-error" className="mt-1 text-sm text-red-700">
            {fe.productIds}
          </p>
        ) : null}
        {member.granted.total + member.viaTeams.total === 0 && !member.grantable?.total ? (
          <p className="mt-2 text-sm text-slate-600">{t("memberPermissions.noProducts")}</p>
        ) : (
          <ProductPicker
            key={saves}
            orgId={orgId}
            categories={member.categories}
            initial={member.grantable ?? member.granted}
            name="addProductIds"
            removeName="removeProductIds"
            granted={{ member: member.membershipId, page: member.granted }}
            locked={{ member: member.membershipId, page: member.viaTeams, note: t("memberPermissions.viaTeam") }}
            readOnly={!member.canEditProducts}
            describedBy={`mp-products-help${fe.productIds ? " mp-products-error" : ""}`}
          />
        )}
      </fieldset>

      <fieldset className={box} disabled={!member.canEditContactPrefs}>
        <legend className="px-1 text-sm font-medium text-slate-700">{t("memberPermissions.contactPrefs")}</legend>
        <p className="text-xs text-slate-500">{t("memberPermissions.contactPrefsHelp")}</p>
        <ul className="mt-1 space-y-1">
          {member.contactPreferences.map((pref) => (
            <li key={pref}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="contactPrefs" value={pref} defaultChecked={member.contactPrefs.includes(pref)} />
                {t(`invitations.contactPref.${pref}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      {editable ? (
        <Button type="submit" disabled={pending}>
          {pending ? t("memberPermissions.saving") : t("memberPermissions.save")}
        </Button>
      ) : null}
    </form>
  );
}
