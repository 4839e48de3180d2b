"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ProductCategoryGroup } from "@/lib/invitations/invite-options";
import { useFormAction } from "@/components/ui/use-form-action";
import { ProductPicker } from "../invite/product-picker";
import { updateMemberPermissionsAction } from "./actions";

type Props = {
  orgId: string;
  member: {
    membershipId: string;
    isSelf: boolean;
    productIds: string[];
    teamProductIds: string[];
    contactPrefs: string[];
    categories: ProductCategoryGroup[];
    contactPreferences: string[];
    canEditProducts: boolean;
    canEditContactPrefs: boolean;
  };
};

export function MemberPermissionsForm({ orgId, member }: Props) {
  const t = useTranslations();
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(updateMemberPermissionsAction);
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
        {member.categories.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("memberPermissions.noProducts")}</p> : null}
        <ProductPicker
          categories={member.categories}
          checkedIds={member.productIds}
          lockedIds={member.teamProductIds}
          lockedNote={t("memberPermissions.viaTeam")}
          readOnly={!member.canEditProducts}
        />
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
