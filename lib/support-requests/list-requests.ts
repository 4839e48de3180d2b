import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { requestsWhere } from "./request-scope";

export const listRequestsSchema = z.object({ orgId: z.string().trim().min(1).max(64) });

/** SUP-4 (customer side): the support requests the member follows, open ones first, newest first. */
export async function listSupportRequests(db: Db, actor: Actor, raw: z.input<typeof listRequestsSchema>) {
  const input = listRequestsSchema.parse(raw);
  const access = await requireMember(db, actor, input.orgId, "support.request");
  const rows = await db.supportRequest.findMany({
    where: requestsWhere(access),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, subject: true, status: true, createdAt: true, product: { select: { name: true } }, requester: { select: { firstName: true, lastName: true } } },
  });
  const open = rows.filter((r) => r.status !== "CLOSED");
  return [...open, ...rows.filter((r) => r.status === "CLOSED")];
}
