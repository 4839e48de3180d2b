import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { MAX_BODY_CHARS } from "./rules";
import { checkScreenshots, screenshotsField, storeWithScreenshots } from "./screenshots";

export const openRequestSchema = z.object({
  orgId: z.string().trim().min(1).max(64),
  subject: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  productId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  body: z.string().trim().min(1, "validation.required").max(MAX_BODY_CHARS, "validation.tooLong"),
  screenshots: screenshotsField,
});

/**
 * SUP-4 (customer side): a member opens a support request — subject, the product concerned (one they
 * see), a description and screenshots checked by their bytes. The files are written first and removed
 * again if the request is not recorded.
 */
export async function openSupportRequest(db: Db, actor: Actor, raw: unknown): Promise<{ id: string }> {
  const input = openRequestSchema.parse(raw);
  const access = await requireMember(db, actor, input.orgId, "support.request");
  if (input.productId) {
    const product = await db.product.findFirst({ where: { AND: [{ id: input.productId }, visibleProductsWhere(access)] }, select: { id: true } });
    if (!product) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { productId: ["validation.invalid"] });
  }
  const shots = await checkScreenshots(input.screenshots);
  const id = randomUUID();
  return storeWithScreenshots(id, shots, (files) =>
    db.$transaction(async (tx) => {
      const me = await requireMember(tx, actor, input.orgId, "support.request");
      const t = now();
      await tx.supportRequest.create({
        data: { id, orgId: me.orgId, requesterId: me.userId, subject: input.subject, body: input.body, productId: input.productId ?? null, createdAt: t },
      });
      if (files.length) await tx.supportAttachment.createMany({ data: files.map((f) => ({ ...f, requestId: id, createdAt: t })) });
      await audit(tx, me.actor, { action: "supportRequest.opened", orgId: me.orgId, targetId: id, metadata: { subject: input.subject, screenshots: files.length } });
      return { id };
    }),
  );
}
