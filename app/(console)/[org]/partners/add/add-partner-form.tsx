"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { ProductPicker } from "@/components/products/product-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ProductOptionsPage } from "@/lib/products/list-product-options";
import { addPartnerAction } from "../actions";

type Props = { orgId: string; partnerId: string; partnerName: string; products: ProductOptionsPage; categories: string[] };

/**
 * PRT-3: limited access (the products picked, category by category, with the scalable product picker)
 * or full access (the whole Organization, then who pays). The server checks everything again.
 */
export function AddPartnerForm({ orgId, partnerId, partnerName, products, categories }: Props) {
  const t = useTranslations("partnerships");
  const [access, setAccess] = useState<"LIMITED" | "FULL">("LIMITED");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(addPartnerAction);

  if (state?.ok) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("invited", { name: partnerName })}</Alert>
        <Link href={`/${orgId}/partners`} className="bg-brand-600 hover:bg-brand-700 inline-flex rounded-md px-4 py-2 text-sm font-medium text-white">
          {t("backToPartners")}
        </Link>
      </div>
    );
  }

  const box = "rounded-lg border border-slate-200 bg-white p-4";
  const radio = (name: string, value: string, label: string, help: string, checked?: boolean, onChange?: () => void) => (
    <label className="flex items-start gap-2 text-sm">
      <input type="radio" name={name} value={value} defaultChecked={onChange ? undefined : checked} checked={onChange ? checked : undefined} onChange={onChange} className="mt-1" />
      <span>
        <span className="font-medium">{label}</span>
        <span className="block text-slate-600">{help}</span>
      </span>
    </label>
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="partnerId" value={partnerId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {fe.partnerId ? <Alert tone="error">{fe.partnerId}</Alert> : null}

      <fieldset className={`${box} space-y-2`}>
        <legend className="px-1 text-sm font-medium text-slate-700">{t("accessLegend")}</legend>
        {radio("access", "LIMITED", t("limitedLabel"), t("limitedHelp"), access === "LIMITED", () => setAccess("LIMITED"))}
        {radio("access", "FULL", t("fullLabel"), t("fullHelp"), access === "FULL", () => setAccess("FULL"))}
      </fieldset>

      {access === "LIMITED" ? (
        <fieldset className={box} aria-describedby={fe.productIds ? "f-products-error" : undefined}>
          <legend className="px-1 text-sm font-medium text-slate-700">{t("productsLegend")}</legend>
          {fe.productIds ? (
            <p id="f-products-error" className="mt-1 text-sm text-red-700">
              {fe.productIds}
            </p>
          ) : null}
          <ProductPicker orgId={orgId} categories={categories} initial={products} name="productIds" describedBy={fe.productIds ? "f-products-error" : undefined} />
        </fieldset>
      ) : (
        <fieldset className={`${box} space-y-2`} aria-describedby={fe.payer ? "f-payer-error" : undefined}>
          <legend className="px-1 text-sm font-medium text-slate-700">{t("payerLegend")}</legend>
          {fe.payer ? (
            <p id="f-payer-error" className="text-sm text-red-700">
              {fe.payer}
            </p>
          ) : null}
          {radio("payer", "CLIENT", t("payer.CLIENT"), t("payerClientHelp"), true)}
          {radio("payer", "PARTNER", t("payer.PARTNER"), t("payerPartnerHelp"))}
        </fieldset>
      )}

      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
