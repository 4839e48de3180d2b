import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { missingMessageMarker } from "./missing-message";
import { resolveLocale } from "./resolve-locale";

export { resolveLocale };

const markMissing = process.env.MANAGER_MISSING_MESSAGE_MARKERS === "1";

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: "Europe/Zurich",
    ...(markMissing ? { getMessageFallback: missingMessageMarker } : {}),
  };
});
