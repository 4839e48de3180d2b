import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parsePageQuery, queryText } from "@/lib/http/page-query";

const schema = z.object({
  q: queryText(10),
  status: z.enum(["OPEN", "CLOSED"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
});

describe("a page's own query string (SEC-5)", () => {
  test("[SEC-5] valid values are read; a NUL, a lone surrogate, an over-long or unknown value falls back to the default and is named", () => {
    expect(parsePageQuery(schema, { q: "hello", status: "OPEN", page: "3" })).toEqual({ query: { q: "hello", status: "OPEN", page: 3 }, invalid: [] });
    expect(parsePageQuery(schema, { q: "a\u0000b", status: "MAYBE", page: "x" })).toEqual({ query: { page: 1 }, invalid: ["q", "status", "page"] });
    expect(parsePageQuery(schema, { q: "\uD800", page: "2" })).toEqual({ query: { page: 2 }, invalid: ["q"] });
    expect(parsePageQuery(schema, { q: "x".repeat(11) })).toEqual({ query: { page: 1 }, invalid: ["q"] });
  });

  test("[SEC-5] blank values (a filter left empty by the form) and unknown parameters are ignored; repeated values read the first", () => {
    expect(parsePageQuery(schema, { q: "", status: "", other: "\u0000" })).toEqual({ query: { page: 1 }, invalid: [] });
    expect(parsePageQuery(schema, { status: ["CLOSED", "\u0000"] })).toEqual({ query: { status: "CLOSED", page: 1 }, invalid: [] });
  });

  test("[SEC-5] a rule across fields that fails makes the whole query fall back", () => {
    const period = z.object({ from: queryText(10), to: queryText(10) }).refine((v) => !v.from || !v.to || v.from <= v.to);
    expect(parsePageQuery(period, { from: "2026-02", to: "2026-01" })).toEqual({ query: {}, invalid: ["from", "to"] });
  });
});
