import { z } from "zod";
import { actorUserId, type Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CONTACT_PREFERENCES, list } from "@/lib/invitations/invite-user";
import type { ContactPreference } from "@/lib/generated/prisma/enums";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { assertMayManage } from "./rules";

const productId = z.string().min(1).max(64);

export const updateMemberPermissionsSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  membershipId: z.string().min(1, "validation.required"),
  /** The whole direct access, replacing the current one (the API). Absent: `addProductIds`/`removeProductIds` apply. */
  productIds: z.preprocess(
    (v) => (v === undefined ? undefined : [...new Set(v === "" ? [] : Array.isArray(v) ? v : [v])]),
    z.array(productId).max(500, "validation.tooLong").optional(),
  ),
  /** A change to the current access (the console's picker, which never holds the whole list). */
  addProductIds: list(productId),
  removeProductIds: list(productId),
  contactPrefs: list(z.enum(CONTACT_PREFERENCES, { message: "validation.invalid" })),
});
export type UpdateMemberPermissionsInput = Omit<
  z.input<typeof updateMemberPermissionsSchema>,
  "productIds" | "addProductIds" | "removeProductIds" | "contactPrefs"
> & {
  productIds?: string[];
  addProductIds?: string[];
  removeProductIds?: string[];
  contactPrefs?: ContactPreference[];
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * ORG-5: replaces a member's direct per-product access (team grants are left alone) and their
 * administrative-contact preferences. Editing someone else needs "users.update" and may not touch a
 * member who outranks you; everyone may change their own contact preferences, but their own product
 * access only with "users.update". Only products of this Organization the actor sees may be granted
 * (PRD-3, so nobody hands out more than they hold); any other id is NOT_FOUND and nothing is written.
 * Either the whole access is given (`productIds`) or a change to it (`addProductIds`, `removeProductIds`).
 */
export async function updateMemberPermissions(db: Db, actor: Actor, raw: UpdateMemberPermissionsInput) {
  const input = updateMemberPermissionsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, orgId: input.orgId },
      select: { id: true, role: true, userId: true, contactPrefs: true },
    });
    // One's own membership needs "membership.updateOwn" (every member; `users:write` for a token), anyone
    // else's "users.update". Access is checked before the target's absence is told.
    const self = target !== null && target.userId === actorUserId(actor);
    const me = await requireMember(tx, actor, input.orgId, self ? "membership.updateOwn" : "users.update");
    if (!target) throw new AppError("NOT_FOUND");
    if (!self) assertMayManage(me.role, target.role);

    const replace = input.productIds;
    if (!replace && input.addProductIds.some((id) => input.removeProductIds.includes(id)))
      throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { productIds: ["validation.invalid"] });
    const granting = replace ?? input.addProductIds;
    const visible = visibleProductsWhere(me);
    if (granting.length) {
      const found = await tx.product.count({ where: { AND: [visible, { id: { in: granting } }] } });
      if (found !== granting.length) throw new AppError("NOT_FOUND");
    }
    // Only grants on products the actor sees are theirs to change — a terminated product's grant included,
    // so sending it back keeps it and leaving it out removes it (SEC-5). A change reads only the grants it
    // names, so its cost does not grow with the member's access.
    const current = await tx.productAccess.findMany({
      where: {
        membershipId: target.id,
        product: visible,
        ...(replace ? {} : { productId: { in: [...input.addProductIds, ...input.removeProductIds] } }),
      },
      select: { productId: true },
    });
    const currentIds = new Set(current.map((row) => row.productId));
    const added = granting.filter((id) => !currentIds.has(id));
    const removed = replace ? [...currentIds].filter((id) => !replace.includes(id)) : input.removeProductIds.filter((id) => currentIds.has(id));
    if (self && (added.length || removed.length)) await requireMember(tx, actor, input.orgId, "users.update");

    if (removed.length) await tx.productAccess.deleteMany({ where: { membershipId: target.id, productId: { in: removed } } });
    if (added.length) await tx.productAccess.createMany({ data: added.map((productId) => ({ productId, membershipId: target.id })) });
    const prefsChanged = !sameSet(target.contactPrefs, input.contactPrefs);
    if (prefsChanged) await tx.membership.update({ where: { id: target.id }, data: { contactPrefs: input.contactPrefs } });

    const changed = prefsChanged || added.length > 0 || removed.length > 0;
    if (changed) {
      await audit(tx, actor, {
        action: "membership.permissionsUpdated",
        orgId: me.orgId,
        targetId: target.id,
        metadata: { userId: target.userId, added, removed, contactPrefs: { from: target.contactPrefs, to: input.contactPrefs } },
      });
    }
    return { membershipId: target.id, added, removed, contactPrefs: input.contactPrefs, changed };
  });
}
