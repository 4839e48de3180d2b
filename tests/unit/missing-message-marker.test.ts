import { createTranslator } from "use-intl/core";
import { describe, expect, test } from "vitest";
import { MISSING_MESSAGE_PATTERN, missingMessageMarker } from "@/lib/i18n/missing-message";

describe("a message missing from the catalogue", () => {
  test("[a11y] renders a marker with its key path, which the page walks find", () => {
    const t = createTranslator({ locale: "fr", messages: { products: { title: "Produits" } }, namespace: "products", getMessageFallback: missingMessageMarker, onError: () => {} });
    expect(t("title")).toBe("Produits");
    const shown = `Mes ${t("notThere" as "title")} ici`;
    expect(shown).toBe("Mes ⟦missing message products.notThere⟧ ici");
    expect([...shown.matchAll(MISSING_MESSAGE_PATTERN)].map((m) => m[0])).toEqual(["⟦missing message products.notThere⟧"]);
  });
});
