"use client";

import { useTranslations } from "next-intl";
import { grantTeamProductsAction, revokeTeamProductAction } from "../actions";
import { PickerForm, RowAction } from "./team-forms";

type Product = { id: string; name: string; category: string };
type Group = { category: string; products: Product[] };

/** ORG-6 / PRD-3: products granted to the team (so to every member); managers grant more, grouped by category, or withdraw them. */
export function TeamProducts({ orgId, teamId, products, candidates, canManage }: { orgId: string; teamId: string; products: Product[]; candidates: Group[]; canManage: boolean }) {
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
                <span className="font-medium">{p.name}</span> <span className="text-xs text-slate-500">{category(p.category)}</span>
              </span>
              {canManage ? (
                <RowAction
                  action={revokeTeamProductAction}
                  fields={{ orgId, teamId, productId: p.id }}
                  label={t("revoke")}
                  subject={p.name}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {!canManage ? null : candidates.length === 0 ? <p className="text-sm text-slate-600">{t("allProductsGranted")}</p> : (
        <PickerForm
          action={grantTeamProductsAction}
          fields={{ orgId, teamId }}
          legend={t("grantProducts")}
          submitLabel={t("grantSelectedProducts")}
          success={(data) => t("productsGranted", { count: data?.granted ?? 0 })}
          version={products.length}
        >
          {candidates.map((g) => (
            <fieldset key={g.category}>
              <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{category(g.category)}</legend>
              {g.products.map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="productIds" value={p.id} />
                  {p.name}
                </label>
              ))}
            </fieldset>
          ))}
        </PickerForm>
      )}
    </div>
  );
}
