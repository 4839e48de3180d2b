"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { TAG_COLORS, tagColorClasses, type TagColor } from "@/lib/tags/palette";

/** The fixed palette as a labelled radio group: arrows move between colours, each has a spoken name. */
export function ColorPicker({ legend, name, value, onChange }: { legend: string; name?: string; value: TagColor; onChange: (color: TagColor) => void }) {
  const t = useTranslations("tags");
  const id = useId();
  return (
    <fieldset>
      <legend className="text-xs font-medium text-slate-600">{legend}</legend>
      <div role="radiogroup" aria-label={legend} className="mt-1 flex flex-wrap gap-1">
        {TAG_COLORS.map((c) => (
          <label key={c} className="cursor-pointer" title={t(`colors.${c}`)}>
            <input type="radio" name={name ?? `${id}-color`} value={c} checked={value === c} onChange={() => onChange(c)} className="peer sr-only" />
            <span aria-hidden="true" className={`block h-5 w-5 rounded-full border-2 border-white ring-1 ring-slate-300 peer-checked:ring-2 peer-checked:ring-slate-900 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600 ${tagColorClasses(c).swatch}`} />
            <span className="sr-only">{t(`colors.${c}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
