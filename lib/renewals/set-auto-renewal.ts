import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { DAY, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProductsToChange } from "@/lib/products/visible-products";
import { renewalMethods } from "./auto-renew-method";
import { cardExpiresBefore, firstAttemptAt, MIN_DAYS_TO_ENABLE } from "./schedule";

/** Form data sends a single selected product as a string, several as an array. */
const ids = z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().min(1).max(64)).min(1, "renewals.errors.selectSome").max(500));

export const setAutoRenewalSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  productIds: ids,
  enabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  /** A saved method to renew with; the default saved method otherwise. */
  methodId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(64).optional()),
});
export type SetAutoRenewalInput = z.input<typeof setAutoRenewalSchema>;

export const AUTO_RENEW_REFUSALS = ["EXPIRES_SOON", "NO_METHOD", "TERMINATED"] as const;
export type AutoRenewRefusal = (typeof AUTO_RENEW_REFUSALS)[number];

export type AutoRenewOutcome = {
  productId: string;
  name: string;
  outcome: "ENABLED" | "DISABLED" | "UNCHANGED" | "REFUSED";
  reason?: AutoRenewRefusal;
  /** Enabled, but the saved card stops working before the first attempt (BIL-9). */
  cardExpires?: true;
};

/**
 * BIL-8 / BIL-9 "Manage renewals": turns auto-renewal on or off for the selected products and answers,
 * per product, what was done or why it was refused — expiring in under 14 days (renew it first), no saved
 * card or Twint profile to renew with, terminated. A product the actor cannot see, or may only read,
 * refuses the whole request before anything is written (NOT_FOUND / FORBIDDEN, PRD-3).
 */
export async function setAutoRenewal(db: Db, actor: Actor, raw: SetAutoRenewalInput): Promise<{ results: AutoRenewOutcome[] }> {
  const input = setAutoRenewalSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, input.orgId, "billing.pay");
    await requireProductsToChange(tx, access, input.productIds);
    const at = now();
    const products = await tx.product.findMany({
      where: { orgId: access.orgId, id: { in: [...new Set(input.productIds)] } },
      select: { id: true, name: true, status: true, expiresAt: true, autoRenew: true, autoRenewMethodId: true },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    });
    let method = null;
    if (input.enabled) {
      const methods = await renewalMethods(tx, access.orgId, at);
      method = input.methodId ? methods.find((m) => m.id === input.methodId) : methods[0];
      if (input.methodId && !method) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { methodId: ["renewals.errors.methodUnavailable"] });
    }
    const results: AutoRenewOutcome[] = [];
    const changed: string[] = [];
    for (const p of products) {
      const base = { productId: p.id, name: p.name };
      if (!input.enabled) {
        if (p.autoRenew) changed.push(p.id);
        results.push({ ...base, outcome: p.autoRenew ? "DISABLED" : "UNCHANGED" });
        continue;
      }
      if (p.status === "TERMINATED") results.push({ ...base, outcome: "REFUSED", reason: "TERMINATED" });
      else if (p.expiresAt.getTime() - at.getTime() < MIN_DAYS_TO_ENABLE * DAY) results.push({ ...base, outcome: "REFUSED", reason: "EXPIRES_SOON" });
      else if (!method) results.push({ ...base, outcome: "REFUSED", reason: "NO_METHOD" });
      else {
        const unchanged = p.autoRenew && p.autoRenewMethodId === method.id;
        if (!unchanged) changed.push(p.id);
        const cardExpires = cardExpiresBefore(method, firstAttemptAt(p.expiresAt));
        results.push({ ...base, outcome: unchanged ? "UNCHANGED" : "ENABLED", ...(cardExpires ? { cardExpires: true as const } : {}) });
      }
    }
    if (changed.length) {
      await tx.product.updateMany({ where: { id: { in: changed } }, data: input.enabled ? { autoRenew: true, autoRenewMethodId: method!.id } : { autoRenew: false, autoRenewMethodId: null } });
      for (const productId of changed) {
        await audit(tx, access.actor, {
          action: input.enabled ? "product.autoRenewEnabled" : "product.autoRenewDisabled",
          orgId: access.orgId,
          targetId: productId,
          ...(input.enabled ? { metadata: { methodId: method!.id } } : {}),
        });
      }
    }
    return { results };
  });
}
