"use client";

import { NextIntlClientProvider } from "next-intl";
import { useEffect, useState } from "react";
import { ErrorView } from "@/components/errors/error-view";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";
import { isTheme, THEME_COOKIE } from "@/lib/theme/themes";
import "./globals.css";

/** The language picker's cookie, else the browser's languages: the server (and the session) failed. */
function browserLocale(): AppLocale {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`));
  const chosen = cookie ? decodeURIComponent(cookie.slice(LOCALE_COOKIE.length + 1)) : undefined;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(navigator.languages?.join(",") || navigator.language || DEFAULT_LOCALE);
}

/** The theme picker's cookie (the session cannot be read), else the device's preference. */
function browserTheme(): string {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith(`${THEME_COOKIE}=`));
  const chosen = cookie?.slice(THEME_COOKIE.length + 1);
  return isTheme(chosen) ? chosen : "system";
}

/**
 * The root layout itself failed, so none of its providers exist: this page renders its own document and
 * loads only the catalogue of the reader's language (a separate chunk, fetched only when it is needed).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const [intl, setIntl] = useState<{ locale: AppLocale; theme: string; messages: Pick<Messages, "errorPage"> } | null>(null);
  useEffect(() => {
    const locale = browserLocale();
    void loadMessages(locale).then((m) => setIntl({ locale, theme: browserTheme(), messages: { errorPage: m.errorPage } }));
  }, []);
  return (
    <html lang={intl?.locale ?? DEFAULT_LOCALE} data-theme={intl?.theme ?? "system"}>
      <body className="min-h-screen">
        {intl ? (
          <NextIntlClientProvider locale={intl.locale} messages={intl.messages}>
            <ErrorView error={error} retry={retry} />
          </NextIntlClientProvider>
        ) : null}
      </body>
    </html>
  );
}
