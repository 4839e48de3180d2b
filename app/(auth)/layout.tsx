import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguagePicker } from "@/components/language-picker";
import { ThemePicker } from "@/components/theme/theme-picker";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="text-lg font-semibold text-brand-700">{process.env.PROVIDER_NAME ?? t("name")}</span>
        <div className="flex items-center gap-2">
          <ThemePicker />
          <LanguagePicker />
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 py-8">
        <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </main>
    </div>
  );
}
