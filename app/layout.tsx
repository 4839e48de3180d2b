import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { ThemeProvider } from "@/components/theme/theme-context";
import { resolveTheme } from "@/lib/theme/resolve-theme";
import type { ReactNode } from "react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: process.env.PROVIDER_NAME ?? t("name"), template: `%s · ${process.env.PROVIDER_NAME ?? t("name")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, theme] = await Promise.all([getLocale(), resolveTheme()]);
  return (
    <html lang={locale} data-theme={theme}>
      <body className="min-h-screen">
        <ThemeProvider theme={theme}>
          <ClientMessages>{children}</ClientMessages>
        </ThemeProvider>
      </body>
    </html>
  );
}
