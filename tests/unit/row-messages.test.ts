import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, test } from "vitest";
import { cachedMessage, fillMessage, formatDate } from "@/components/intl/row-messages";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import it from "@/lib/i18n/messages/it.json";

const CATALOGUES = { en, fr, de, it };
type Translate = Parameters<typeof fillMessage>[0];
const TIME_ZONE = "Europe/Zurich";

describe("row messages: the products table's labels, formatted once per process", () => {
  for (const [locale, messages] of Object.entries(CATALOGUES)) {
    test(`[TAG-2] in ${locale}, a filled template and a cached plural read exactly as the translator formats them`, () => {
      const t = createTranslator({ locale, messages, timeZone: TIME_ZONE }) as unknown as Translate;
      const tags = createTranslator({ locale, messages, namespace: "tags", timeZone: TIME_ZONE }) as unknown as Translate;
      // Names with ICU-looking characters must come out as typed.
      for (const name of ["example.ch", "l'atelier {beta}", "a # b"]) {
        expect(fillMessage(t, locale, "products.select", { name })).toBe(t("products.select", { name }));
        for (const tag of ["Client X", "{x}"]) {
          expect(fillMessage(tags, locale, "editTagsOf", { name, tag })).toBe(tags("editTagsOf", { name, tag }));
        }
      }
      for (const months of [1, 12, 24]) {
        expect(cachedMessage(t, locale, "products.renewalMonths", { months })).toBe(t("products.renewalMonths", { months }));
      }
      const date = new Date("2027-03-31T23:30:00Z"); // already 1 April in Zurich
      expect(formatDate(date, locale, TIME_ZONE)).toBe(createFormatter({ locale, timeZone: TIME_ZONE }).dateTime(date, { dateStyle: "medium" }));
    });
  }

  test("[TAG-2] the memo is keyed by the message text: another catalogue for the same key is not served a stale label", () => {
    const first = createTranslator({ locale: "en", messages: { products: { select: "Select {name}" } } }) as unknown as Translate;
    const second = createTranslator({ locale: "en", messages: { products: { select: "Choose {name}" } } }) as unknown as Translate;
    expect(fillMessage(first, "en", "products.select", { name: "x.ch" })).toBe("Select x.ch");
    expect(fillMessage(second, "en", "products.select", { name: "x.ch" })).toBe("Choose x.ch");
  });
});
