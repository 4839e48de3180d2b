import { describe, expect, test } from "vitest";
import { normaliseTradeRegister, swissUidCheckDigit } from "@/lib/partners/trade-register";

describe("trade-register numbers (PRT-1)", () => {
  test("[PRT-1] Swiss UID: the mod-11 check digit decides; 10 is never issued", () => {
    expect(swissUidCheckDigit("11628171")).toBe(0);
    expect(swissUidCheckDigit("12345678")).toBe(8);
    expect(swissUidCheckDigit("10960860")).toBeNull();
    expect(normaliseTradeRegister("CH", "CHE-123.456.788")).toBe("CHE-123.456.788");
    expect(normaliseTradeRegister("CH", "CHE-123.456.789")).toBeNull();
    expect(normaliseTradeRegister("CH", "che116281710 MWST")).toBe("CHE-116.281.710");
    expect(normaliseTradeRegister("CH", "CHE-109.608.60x")).toBeNull();
  });

  test("[PRT-1] France (SIREN/SIRET, Luhn), Italy (partita IVA, check digit and office), Belgium (mod 97)", () => {
    expect(normaliseTradeRegister("FR", "732 829 320")).toBe("732829320");
    expect(normaliseTradeRegister("FR", "732 829 321")).toBeNull();
    expect(normaliseTradeRegister("FR", "73282932000074")).toBe("73282932000074");
    expect(normaliseTradeRegister("IT", "07643520567")).toBe("07643520567");
    expect(normaliseTradeRegister("IT", "07643520568")).toBeNull();
    expect(normaliseTradeRegister("IT", "00000000000")).toBeNull();
    expect(normaliseTradeRegister("BE", "0403.170.701")).toBe("0403.170.701");
    expect(normaliseTradeRegister("BE", "0403.170.702")).toBeNull();
  });

  test("[PRT-1] Germany, Austria, Luxembourg: the register's format", () => {
    expect(normaliseTradeRegister("DE", "HRB 12345")).toBe("HRB 12345");
    expect(normaliseTradeRegister("DE", "hra1234 b")).toBe("HRA 1234 B");
    expect(normaliseTradeRegister("DE", "HRC 12345")).toBeNull();
    expect(normaliseTradeRegister("DE", "HRB 0")).toBeNull();
    expect(normaliseTradeRegister("AT", "FN 123456a")).toBe("FN 123456a");
    expect(normaliseTradeRegister("AT", "FN 123456")).toBeNull();
    expect(normaliseTradeRegister("LU", "b123456")).toBe("B123456");
    expect(normaliseTradeRegister("LU", "C123456")).toBeNull();
    expect(normaliseTradeRegister("CH", "x".repeat(41))).toBeNull();
  });
});
