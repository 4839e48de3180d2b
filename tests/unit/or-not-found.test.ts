import { describe, expect, test } from "vitest";
import { getProductSchema } from "@/lib/products/get-product";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/http/or-not-found";

/** What next/navigation's notFound() throws: Next.js renders the 404 page for it. */
const NOT_FOUND = expect.objectContaining({ digest: expect.stringContaining("404") });

describe("a page's refused URL (SEC-5)", () => {
  test("[SEC-5] an id the service's schema refuses (longer than any record's) is the not-found page, not a 500", async () => {
    const refused = (async () => getProductSchema.parse({ orgId: "org", productId: "x".repeat(300) }))();
    await expect(orNotFound(refused)).rejects.toEqual(NOT_FOUND);
  });

  test("[SEC-5] unknown or another Organization's is the not-found page; any other failure still reaches the error page", async () => {
    await expect(orNotFound(Promise.reject(new AppError("NOT_FOUND")))).rejects.toEqual(NOT_FOUND);
    const bug = new Error("a bug");
    await expect(orNotFound(Promise.reject(bug))).rejects.toBe(bug);
    await expect(orNotFound(Promise.resolve(1))).resolves.toBe(1);
  });
});
