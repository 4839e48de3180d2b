import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages";

/** What every page's client components may use: the shell (language and theme pickers, account menu), the error page. */
const SHARED = ["app", "shell", "theme", "security.menuLink", "security.apiTokensLink", "errorPage"] as const;

export type MessagePath = keyof Messages | `${keyof Messages}.${string}`;

/** Picks namespaces (`"tags"`) or single messages (`"security.menuLink"`) from the catalogue. */
export function pickMessages(messages: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown> | unknown> = {};
  for (const path of paths) {
    const [ns, ...rest] = path.split(".");
    if (!(ns in messages)) continue;
    if (rest.length === 0) {
      out[ns] = messages[ns];
      continue;
    }
    const key = rest.join(".");
    const source = messages[ns] as Record<string, unknown>;
    if (key in source) out[ns] = { ...(out[ns] as Record<string, unknown>), [key]: source[key] };
  }
  return out;
}

/**
 * Hands client components the messages they use, and only those: the whole catalogue (≈ 55 KB) would
 * otherwise be serialised into every page. A page wraps its client parts in this with the namespaces
 * they read; a nested provider replaces its parent's messages, so the shared ones are always included.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly MessagePath[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages, [...SHARED, ...namespaces]) as Messages}>
      {children}
    </NextIntlClientProvider>
  );
}
