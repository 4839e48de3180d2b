import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";

export const searchPartnersSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  q: z.string().trim().max(100, "validation.tooLong").default(""),
});
export type SearchPartnersInput = z.input<typeof searchPartnersSchema>;

/** At most this many matches are listed: the legal representative narrows the search instead. */
export const PARTNER_SEARCH_LIMIT = 20;

/**
 * PRT-2: approved partners whose name or contact e-mail contains the text (at least two characters), for
 * the "Add a partner" search — only a legal representative of the client searches. The client's own
 * partner profile, if it has one, is not offered.
 */
export async function searchPartners(db: Db, actor: Actor, raw: SearchPartnersInput) {
  const input = searchPartnersSchema.parse(raw);
  const me = await requireMember(db, actor, input.orgId, "partners.manage");
  if (input.q.length < 2) return [];
  return db.partner.findMany({
    where: {
      approvedAt: { not: null },
      orgId: { not: me.orgId },
      OR: [{ displayName: { contains: input.q, mode: "insensitive" } }, { contactEmail: { contains: input.q, mode: "insensitive" } }],
    },
    select: { id: true, displayName: true, contactEmail: true, website: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: PARTNER_SEARCH_LIMIT,
  });
}
