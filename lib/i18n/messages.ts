import type en from "./messages/en.json";
import type { AppLocale } from "./locales";

export type Messages = typeof en;

const loaders: Record<AppLocale, () => Promise<{ default: Messages }>> = {
  en: () => import("./messages/en.json"),
  fr: () => import("./messages/fr.json"),
  de: () => import("./messages/de.json"),
  it: () => import("./messages/it.json"),
};

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
