import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/intl/client-messages";
import { LanguagePicker } from "@/components/language-picker";
import { ThemePicker } from "@/components/theme/theme-picker";

/** The public pages of calls for tenders (TND-1, TND-3, TND-4): open to visitors and customers alike. */
export default async function TendersLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <ClientMessages namespaces={["tenders"]}>
      <div className="flex min-h-screen flex-col">
        <header className="flex items-center justify-between px-6 py-4">
          <Link href="/" className="text-lg font-semibold text-brand-700">
            {process.env.PROVIDER_NAME ?? t("name")}
          </Link>
          <div className="flex items-center gap-2">
            <ThemePicker />
            <LanguagePicker />
          </div>
        </header>
        <main id="main" className="flex flex-1 items-start justify-center px-4 py-8">
          <div className="w-full max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
        </main>
      </div>
    </ClientMessages>
  );
}
