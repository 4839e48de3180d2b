import { describe, expect, test } from "vitest";
import { safeReturnPath } from "@/lib/http/return-path";

describe("return after sign-in", () => {
  test("[ORG-2] an invited person with an account comes back to the invitation after signing in", () => {
    expect(safeReturnPath("/invitations/abc_DEF-123")).toBe("/invitations/abc_DEF-123");
    expect(safeReturnPath("/org1/products?tag=x")).toBe("/org1/products?tag=x");
  });

  test("[ACC-7] a crafted return address cannot send anyone to another site", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", "/a\nb", 42, null, "/" + "a".repeat(600)]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});
