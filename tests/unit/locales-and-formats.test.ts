import { describe, expect, test } from "vitest";
import { currencyFor, isEu, validateVatNumber } from "@/lib/accounts/countries";
import { readRememberedAccounts } from "@/lib/auth/remembered-accounts";
import { formatMoney } from "@/lib/format/money";
import { negotiateLocale } from "@/lib/i18n/locales";

describe("language negotiation", () => {
  test("[i18n] picks the best supported language from the browser's list", () => {
    expect(negotiateLocale("de-CH,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("es-ES,it;q=0.5,fr;q=0.7")).toBe("fr");
    expect(negotiateLocale("ja")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });
});

describe("countries, currencies and VAT", () => {
  test("[ACC-3] Switzerland and Liechtenstein pay in CHF, the others in EUR", () => {
    expect(currencyFor("CH")).toBe("CHF");
    expect(currencyFor("LI")).toBe("CHF");
    expect(currencyFor("FR")).toBe("EUR");
    expect(isEu("CH")).toBe(false);
    expect(isEu("IT")).toBe(true);
  });

  test("[VAT-2] each EU country's format is checked, with or without prefix and separators", () => {
    expect(validateVatNumber("DE", "136 695 976")).toEqual({ ok: true, value: "DE136695976" });
    expect(validateVatNumber("FR", "FR40303265045")).toEqual({ ok: true, value: "FR40303265045" });
    expect(validateVatNumber("GR", "094259216")).toEqual({ ok: true, value: "EL094259216" });
    expect(validateVatNumber("DE", "FR40303265045")).toEqual({ ok: false, reason: "validation.vatInvalid" });
    expect(validateVatNumber("CH", "CHE-123.456.789")).toEqual({ ok: false, reason: "validation.vatNotEu" });
  });
});

describe("money", () => {
  test("[BIL-7] amounts are integer minor units shown in the Organization's currency", () => {
    expect(formatMoney(123456, "CHF", "en")).toMatch(/^CHF\s?1.234\.56$/);
    expect(formatMoney(99, "EUR", "fr")).toMatch(/0,99\s?€/);
  });
});

describe("remembered accounts", () => {
  test("[ACC-5] a tampered or foreign cookie reads as no remembered account", () => {
    const good = Buffer.from(JSON.stringify([{ email: "a@example.com", name: "A" }])).toString("base64url");
    expect(readRememberedAccounts(good)).toEqual([{ email: "a@example.com", name: "A" }]);
    expect(readRememberedAccounts("not-base64-json")).toEqual([]);
    expect(readRememberedAccounts(Buffer.from(JSON.stringify([{ email: "x", name: 1 }])).toString("base64url"))).toEqual([]);
  });
});
