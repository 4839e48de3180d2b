"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProductPicker } from "@/components/products/product-picker";
import { Field } from "@/components/ui/field";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ProductOptionsPage } from "@/lib/products/list-product-options";
import { useFormAction } from "@/components/ui/use-form-action";
import { inviteUserAction } from "./actions";

type Props = {
  orgId: string;
  roles: Role[];
  /** The first page of the products the inviter may grant; the picker fetches the others. */
  products: ProductOptionsPage;
  categories: string[];
  contactPreferences: string[];
};

/** Re-mounted after a success ("add another") so the form starts empty. */
export function InviteForm(props: Props) {
  const [round, setRound] = useState(0);
  return <InviteFormRound key={round} {...props} onAnother={() => setRound((r) => r + 1)} />;
}

function InviteFormRound({ orgId, roles, products, categories, contactPreferences, onAnother }: Props & { onAnother: () => void }) {
  const t = useTranslations();
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(inviteUserAction);

  if (state?.ok && state.data) {
    // SEC-2: the same answer whether or not the address has an account.
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("invitations.invitedSuccess", { email: state.data.email })}</Alert>
        <div className="flex flex-wrap gap-3">
          <Button type="button" variant="secondary" onClick={onAnother}>
            {t("invitations.addAnother")}
          </Button>
          <Link
            href={`/${orgId}/users`}
            className="bg-brand-600 hover:bg-brand-700 inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-white"
          >
            {t("invitations.backToUsers")}
          </Link>
        </div>
      </div>
    );
  }

  const box = "rounded-lg border border-slate-200 bg-white p-4";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="orgId" value={orgId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div className={`${box} space-y-4`}>
        <Field
          label={t("invitations.email")}
          name="email"
          type="email"
          autoComplete="off"
          required
          help={t("invitations.emailHelp")}
          error={fe.email}
        />
        <div>
          <label htmlFor="f-role" className="block text-sm font-medium text-slate-700">
            {t("invitations.role")}
          </label>
          <select
            id="f-role"
            name="role"
            defaultValue={roles.includes("USER") ? "USER" : roles[0]}
            aria-invalid={fe.role ? true : undefined}
            aria-describedby={fe.role ? "f-role-error" : undefined}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {fe.role ? (
            <p id="f-role-error" className="mt-1 text-sm text-red-700">
              {fe.role}
            </p>
          ) : null}
        </div>
      </div>

      <fieldset className={box} aria-describedby={`f-products-help${fe.productIds ? " f-products-error" : ""}`}>
        <legend className="px-1 text-sm font-medium text-slate-700">{t("invitations.products")}</legend>
        <p id="f-products-help" className="text-xs text-slate-500">
          {t("invitations.productsHelp")}
        </p>
        {fe.productIds ? (
          <p id="f-products-error" className="mt-1 text-sm text-red-700">
            {fe.productIds}
          </p>
        ) : null}
        {products.total === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("invitations.noProducts")}</p>
        ) : (
          <ProductPicker
            orgId={orgId}
            categories={categories}
            initial={products}
            name="productIds"
            describedBy={`f-products-help${fe.productIds ? " f-products-error" : ""}`}
          />
        )}
      </fieldset>

      <fieldset className={box}>
        <legend className="px-1 text-sm font-medium text-slate-700">{t("invitations.contactPrefs")}</legend>
        <ul className="space-y-1">
          {contactPreferences.map((pref) => (
            <li key={pref}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="contactPrefs" value={pref} />
                {t(`invitations.contactPref.${pref}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <Button type="submit" disabled={pending}>
        {pending ? t("invitations.submitting") : t("invitations.submit")}
      </Button>
    </form>
  );
}
