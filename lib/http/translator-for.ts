import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import type { Translate } from "./translate-error";

/**
 * A translator of the whole catalogue outside a page's request config (route handlers). A missing key
 * throws, so translateKey falls back to the generic message instead of showing the key.
 */
export async function translatorFor(locale: AppLocale): Promise<Translate> {
  const onError = (error: Error) => {
    throw error;
  };
  return createTranslator({ locale, messages: await loadMessages(locale), onError }) as unknown as Translate;
}
