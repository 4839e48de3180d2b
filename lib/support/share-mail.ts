import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { mailScope } from "@/lib/content/mail-scope";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { activeGrantWhere, SUPPORT_GRANT_MS } from "./grant-rules";

export const shareMailSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required").max(64),
  messageId: z.string().trim().min(1, "validation.required").max(64),
});

/** SUP-3: shares one e-mail the person can read with support, on its own, for 7 days. */
export async function shareMail(db: Db, actor: Actor, raw: z.input<typeof shareMailSchema>) {
  const input = shareMailSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "support.grant");
    const scope = await mailScope(tx, me);
    const message = await tx.mailMessage.findFirst({ where: { AND: [{ id: input.messageId }, scope.message] }, select: { id: true, subject: true } });
    if (!message) throw new AppError("NOT_FOUND");
    const at = now();
    const running = await tx.supportGrant.findFirst({ where: { userId: me.userId, orgId: me.orgId, scope: "SINGLE_MAIL", resourceRef: message.id, ...activeGrantWhere(at) }, select: { expiresAt: true } });
    if (running) return { expiresAt: running.expiresAt };
    const grant = await tx.supportGrant.create({
      data: { orgId: me.orgId, userId: me.userId, scope: "SINGLE_MAIL", resourceRef: message.id, createdAt: at, expiresAt: new Date(at.getTime() + SUPPORT_GRANT_MS) },
    });
    await audit(tx, actor, { action: "support.accessGranted", orgId: me.orgId, targetId: grant.id, metadata: { scope: "SINGLE_MAIL", subject: message.subject } });
    return { expiresAt: grant.expiresAt };
  });
}
