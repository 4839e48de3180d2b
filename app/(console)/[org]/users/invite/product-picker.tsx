"use client";

import { useTranslations } from "next-intl";
import type { ProductCategoryGroup } from "@/lib/invitations/invite-options";

type Props = {
  categories: ProductCategoryGroup[];
  /** Ticked at first (uncontrolled). */
  checkedIds?: string[];
  /** Held another way (through a team): shown ticked and disabled, with `lockedNote`. */
  lockedIds?: string[];
  lockedNote?: string;
  /** Read-only: nothing can be changed, the ticked ids are still submitted so they stay as they are. */
  readOnly?: boolean;
};

/** Product checkboxes (name "productIds") grouped by category, shared by the invite and member-permission forms. */
export function ProductPicker({ categories, checkedIds = [], lockedIds = [], lockedNote, readOnly = false }: Props) {
  const t = useTranslations();
  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-2">
      {categories.map((category) => (
        <fieldset key={category.code}>
          <legend className="text-sm font-semibold text-slate-800">{t(`categories.${category.code}`)}</legend>
          <ul className="mt-1 space-y-1">
            {category.products.map((p) => {
              const locked = lockedIds.includes(p.id);
              const checked = checkedIds.includes(p.id);
              return (
                <li key={p.id}>
                  <label className="flex items-center gap-2 text-sm">
                    {locked || readOnly ? (
                      <>
                        <input type="checkbox" checked={checked || locked} disabled readOnly />
                        {checked ? <input type="hidden" name="productIds" value={p.id} /> : null}
                      </>
                    ) : (
                      <input type="checkbox" name="productIds" value={p.id} defaultChecked={checked} />
                    )}
                    {p.name}
                    {locked && lockedNote ? <span className="text-xs text-slate-500">({lockedNote})</span> : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
