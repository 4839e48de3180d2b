import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PARTNER_REGIONS, PARTNER_SPECIALITIES } from "./directory-options";

/** Unknown filter values fall back to "all", as on the console's lists. */
export const searchDirectorySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  region: z.enum(PARTNER_REGIONS).optional().catch(undefined),
  speciality: z.enum(PARTNER_SPECIALITIES).optional().catch(undefined),
});
export type SearchDirectoryInput = z.input<typeof searchDirectorySchema>;

/** At most this many partners a page; the directory is a showcase, refined by its filters. */
const LIMIT = 100;

/**
 * PRT-1: the public partner directory — approved partners that chose to be listed, searched by name
 * (any case, a part of it), region and speciality. Public: only what a partner publishes (name,
 * website, region, specialities); never its clients, e-mail or register number.
 */
export async function searchDirectory(db: Db, raw: SearchDirectoryInput) {
  const input = searchDirectorySchema.parse(raw);
  const where: Prisma.PartnerWhereInput = {
    inDirectory: true,
    approvedAt: { not: null },
    ...(input.q ? { displayName: { contains: input.q, mode: "insensitive" } } : {}),
    ...(input.region ? { region: input.region } : {}),
    ...(input.speciality ? { specialities: { has: input.speciality } } : {}),
  };
  const partners = await db.partner.findMany({
    where,
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: LIMIT + 1,
    select: { id: true, displayName: true, website: true, region: true, specialities: true, approvedAt: true },
  });
  return { filters: input, partners: partners.slice(0, LIMIT), more: partners.length > LIMIT };
}
