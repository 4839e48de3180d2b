"use client";

import { useTranslations } from "next-intl";
import { ProductPicker } from "@/components/products/product-picker";
import type { ProductOptionsPage } from "@/lib/products/list-product-options";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { SavedStatus } from "@/components/ui/saved-status";
import { useFormAction, useSavingAction } from "@/components/ui/use-form-action";
import { revokeGrantAction, setSupportAccessAction } from "./actions";

type ToggleProps = {
  orgId: string;
  scope: string;
  label: string;
  on: boolean;
  until: string | null;
  /** The products a running grant is limited to (none: the whole content). */
  products: { id: string; name: string }[];
  /** The category of this content, and the first page of its products for the picker (null: no picker). */
  category: string;
  options: ProductOptionsPage | null;
};

/**
 * SUP-1: one content's switch. A real switch (role="switch") that submits at once; without JavaScript the
 * form still posts. The state shown comes from the server after each change. Before turning it on, the
 * person may limit it to some products of that content (the shared product picker); a running grant
 * lists the products it is limited to.
 */
export function SupportToggle({ orgId, scope, label, on, until, products, category, options }: ToggleProps) {
  const t = useTranslations("supportAccess");
  const { state, onSubmit, pending, saved } = useSavingAction(setSupportAccessAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="enabled" value={on ? "false" : "true"} />
      <button
        type="submit"
        role="switch"
        aria-checked={on}
        disabled={pending}
        className={`focus-visible:outline-brand-600 relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 ${on ? "bg-brand-600" : "bg-slate-400"}`}
        data-testid={`support-toggle-${scope}`}
      >
        <span className="sr-only">{label}</span>
        <span
          aria-hidden="true"
          className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0"}`}
        />
      </button>
      <span className="text-sm">
        {label} — {on && until ? t("grantedUntil", { until }) : t("notGranted")}
      </span>
      {on && products.length > 0 ? (
        <p className="w-full text-sm text-slate-600" data-testid={`support-products-${scope}`}>
          {t("limitedTo", { products: products.map((p) => p.name).join(", ") })}
        </p>
      ) : null}
      {!on && options ? (
        <details className="w-full text-sm">
          <summary className="text-brand-700 cursor-pointer">{t("limitSummary", { content: label })}</summary>
          <p className="text-xs text-slate-600">{t("limitHelp")}</p>
          <ProductPicker orgId={orgId} categories={[category]} fixedCategory={category} initial={options} name="productIds" />
        </details>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <SavedStatus saved={saved} />
    </form>
  );
}

/** SUP-2: ends a single shared e-mail's grant, confirmed in a dialog. */
export function RevokeSharedMail({ orgId, grantId, label }: { orgId: string; grantId: string; label: string }) {
  const t = useTranslations("supportAccess");
  const { state, onSubmit, pending } = useFormAction(revokeGrantAction);
  return (
    <ConfirmButton
      label={t("revoke")}
      ariaLabel={t("revokeShared", { subject: label })}
      variant="secondary"
      title={t("revokeSharedConfirm", { subject: label })}
      confirmLabel={t("revokeYes")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
      result={state}
    >
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="grantId" value={grantId} />
    </ConfirmButton>
  );
}
