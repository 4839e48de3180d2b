import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember, type MemberAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { activeGrantWhere, SCOPE_CATEGORY, SUPPORT_GRANT_MS, TOGGLED_SCOPES, type ToggledScope } from "./grant-rules";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const id = z.string().trim().min(1).max(64, "validation.invalid");

export const setSupportAccessSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required").max(64),
  scope: z.enum(TOGGLED_SCOPES, { message: "validation.invalid" }),
  enabled: checkbox,
  /** Limits the grant to these products of that content (none: the whole content). One id from a form is a string. */
  productIds: z.preprocess((v) => (v === undefined || v === "" ? [] : typeof v === "string" ? [v] : v), z.array(id).max(200, "validation.tooLong")).optional(),
});

/**
 * SUP-1, SUP-2: turns support's access to one content of one Organization on (for 7 days) or off (at
 * once). On, it may name products: support then reads only those (each must be a product of that content
 * the person sees; anything else refuses the whole request). Turning it on again while it is on keeps the
 * running grant and its end, with the products given now. Turning it off ends every grant of that content
 * the person gave there. Each change goes to the Organization's activity log.
 */
export async function setSupportAccess(db: Db, actor: Actor, raw: z.input<typeof setSupportAccessSchema>) {
  const input = setSupportAccessSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "support.grant");
    const at = now();
    const running = await tx.supportGrant.findFirst({
      where: { userId: me.userId, orgId: me.orgId, scope: input.scope, ...activeGrantWhere(at) },
      select: { id: true, expiresAt: true, products: { select: { productId: true } } },
    });
    if (input.enabled) {
      const productIds = await checkProducts(tx, me, input.scope, input.productIds ?? []);
      if (running) {
        const before = running.products.map((p) => p.productId).sort();
        if (before.join() === productIds.join()) return { enabled: true, expiresAt: running.expiresAt };
        await tx.supportGrantProduct.deleteMany({ where: { grantId: running.id } });
        await tx.supportGrantProduct.createMany({ data: productIds.map((productId) => ({ grantId: running.id, productId })) });
        await audit(tx, actor, { action: "support.accessChanged", orgId: me.orgId, targetId: running.id, metadata: { scope: input.scope, productIds } });
        return { enabled: true, expiresAt: running.expiresAt };
      }
      const grant = await tx.supportGrant.create({
        data: {
          orgId: me.orgId,
          userId: me.userId,
          scope: input.scope,
          createdAt: at,
          expiresAt: new Date(at.getTime() + SUPPORT_GRANT_MS),
          products: { create: productIds.map((productId) => ({ productId })) },
        },
      });
      await audit(tx, actor, {
        action: "support.accessGranted",
        orgId: me.orgId,
        targetId: grant.id,
        metadata: { scope: input.scope, expiresAt: grant.expiresAt.toISOString(), ...(productIds.length ? { productIds } : {}) },
      });
      return { enabled: true, expiresAt: grant.expiresAt };
    }
    const ended = await tx.supportGrant.updateMany({ where: { userId: me.userId, orgId: me.orgId, scope: input.scope, ...activeGrantWhere(at) }, data: { revokedAt: at } });
    if (ended.count > 0 && running) await audit(tx, actor, { action: "support.accessRevoked", orgId: me.orgId, targetId: running.id, metadata: { scope: input.scope } });
    return { enabled: false, expiresAt: null };
  });
}

/** The products named for a limited grant, sorted: each one of that content, seen by the person (PRD-3). */
async function checkProducts(tx: Tx, me: MemberAccess, scope: ToggledScope, raw: string[]): Promise<string[]> {
  const ids = [...new Set(raw)].sort();
  if (ids.length === 0) return ids;
  const found = await tx.product.count({ where: { AND: [visibleProductsWhere(me), { id: { in: ids } }, { category: { code: SCOPE_CATEGORY[scope] } }] } });
  if (found !== ids.length) throw new AppError("NOT_FOUND", "supportAccess.errors.productNotFound", { productIds: ["supportAccess.errors.productNotFound"] });
  return ids;
}
