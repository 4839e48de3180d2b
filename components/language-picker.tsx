"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLanguage } from "@/lib/actions/preferences";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

export function LanguagePicker({ className = "" }: { className?: string }) {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className={`flex items-center gap-2 text-sm ${className}`}>
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={locale}
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        onChange={(e) => {
          const next = e.target.value as (typeof LOCALES)[number];
          start(async () => {
            await setLanguage(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
