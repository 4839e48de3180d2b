import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { resolveLocale } from "./resolve-locale";

export { resolveLocale };

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Zurich" };
});
