import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { resolveLocale } from "./resolve-locale";

export { resolveLocale };

/**
 * With MANAGER_MISSING_MESSAGE_MARKERS=1 (the end-to-end server), a message missing from the catalogue
 * renders as `⟦missing message namespace.key⟧`, which the page walks look for; otherwise next-intl's own
 * fallback (the key path) applies.
 */
const markMissing = process.env.MANAGER_MISSING_MESSAGE_MARKERS === "1";

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: "Europe/Zurich",
    ...(markMissing ? { getMessageFallback: ({ namespace, key }: { namespace?: string; key: string }) => `⟦missing message ${[namespace, key].filter(Boolean).join(".")}⟧` } : {}),
  };
});
