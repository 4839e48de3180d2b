"use client";

import { useTranslations } from "next-intl";
import { ProductPicker } from "@/components/products/product-picker";
import { SelectField } from "@/components/ui/field";
import type { ProductOptionsPage } from "@/lib/products/list-product-options";
import { grantTeamProductsAction, revokeTeamProductAction } from "../actions";
import { PickerForm, RowAction } from "./team-forms";

type Product = { id: string; name: string; category: string; level: "READ" | "MANAGE" };
type Candidates = { products: ProductOptionsPage | null; categories: string[] };

/**
 * ORG-6 / PRD-3: products granted to the team (so to every member), one page at a time, each with its
 * level (READ: see it; MANAGE: also change it, SEC-5); managers grant more through the product picker, at
 * the level they choose, or withdraw them.
 */
export function TeamProducts({
  orgId,
  teamId,
  products,
  nextHref,
  version,
  candidates,
  canManage,
}: {
  orgId: string;
  teamId: string;
  products: Product[];
  nextHref: string | null;
  /** Changes with every grant or withdrawal, so the picker starts empty again. */
  version: number;
  candidates: Candidates;
  canManage: boolean;
}) {
  const t = useTranslations("teams");
  const tCat = useTranslations("categories");
  const category = (code: string) => (tCat.has(code) ? tCat(code) : code);
  return (
    <div className="space-y-4">
      {products.length === 0 ? <p className="text-sm text-slate-600">{t("noProducts")}</p> : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={t("productsList")}>
          {products.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm" data-testid="team-product">
              <span>
                <span className="font-medium">{p.name}</span> <span className="text-xs text-slate-500">{category(p.category)}</span>{" "}
                <span className="text-xs text-slate-500" data-testid="team-product-level">· {t(`levels.${p.level}`)}</span>
              </span>
              {canManage ? (
                <RowAction
                  action={revokeTeamProductAction}
                  fields={{ orgId, teamId, productId: p.id }}
                  label={t("revoke")}
                  subject={p.name}
                  question={t("revokeConfirm", { name: p.name })}
                  confirmLabel={t("revokeYes")}
                  cancelLabel={t("cancel")}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {nextHref ? <a href={nextHref} className="text-sm text-brand-700 underline">{t("showMoreProducts")}</a> : null}
      {!canManage || !candidates.products ? null : (
        <PickerForm
          action={grantTeamProductsAction}
          fields={{ orgId, teamId }}
          legend={t("grantProducts")}
          submitLabel={t("grantSelectedProducts")}
          success={(data) => t("productsGranted", { count: data?.granted ?? 0 })}
          version={version}
          boxed={false}
        >
          <ProductPicker orgId={orgId} categories={candidates.categories} initial={candidates.products} name="productIds" />
          <SelectField
            id={`team-${teamId}-level`}
            name="level"
            label={t("grantLevel")}
            help={t("grantLevelHelp")}
            defaultValue="MANAGE"
            options={(["MANAGE", "READ"] as const).map((level) => ({ value: level, label: t(`levels.${level}`) }))}
          />
        </PickerForm>
      )}
    </div>
  );
}
