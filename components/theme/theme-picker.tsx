"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { setTheme } from "@/lib/actions/preferences";
import { THEMES, type AppTheme } from "@/lib/theme/themes";
import { useThemeChoice } from "./theme-context";

const ICONS: Record<AppTheme, string> = {
  light: "M12 4V2m0 20v-2m8-8h2M2 12h2m13.66-5.66 1.41-1.41M4.93 19.07l1.41-1.41m0-11.32L4.93 4.93m14.14 14.14-1.41-1.41M16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z",
  dark: "M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11Z",
  system: "M3 5h18v11H3zM8 20h8m-4-4v4",
};

/**
 * Light / dark / same as the device: a radio group of three icons (named for screen readers). The choice
 * shows at once, then is saved on the user (signed in) and in a cookie (signed-out pages).
 */
export function ThemePicker({ className = "" }: { className?: string }) {
  const t = useTranslations("theme");
  const router = useRouter();
  const saved = useThemeChoice();
  const [chosen, setChosen] = useState<AppTheme | null>(null);
  const [, start] = useTransition();
  const name = useId();
  const value = chosen ?? saved;

  function choose(next: AppTheme) {
    setChosen(next);
    // Shown at once; the refreshed layout then writes the same value.
    document.documentElement.setAttribute("data-theme", next);
    start(async () => {
      const fd = new FormData();
      fd.set("theme", next);
      // The checked radio already tells screen readers; an invalid value cannot be picked here.
      await setTheme(null, fd);
      router.refresh();
    });
  }

  return (
    <fieldset className={`flex items-center ${className}`} data-testid="theme-picker">
      <legend className="sr-only">{t("label")}</legend>
      <div className="flex rounded-md border border-slate-300 bg-white p-0.5">
        {THEMES.map((theme) => (
          <label
            key={theme}
            title={t(theme)}
            className="flex h-7 w-8 cursor-pointer items-center justify-center rounded text-slate-700 hover:bg-slate-100 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-brand-600"
          >
            <input type="radio" name={name} value={theme} checked={value === theme} onChange={() => choose(theme)} className="sr-only" />
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d={ICONS[theme]} />
            </svg>
            <span className="sr-only">{t(theme)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
