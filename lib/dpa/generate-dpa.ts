import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/locales";
import { renderDpaPdf } from "./dpa-pdf";

export const generateDpaSchema = z.object({ orgId: z.string().trim().min(1).max(64) });

/**
 * GDP-1: legal representatives and administrators (the roles holding "dpa.generate") generate the
 * Organization's data-processing agreement, signed by themselves, in their own language. Other members
 * get FORBIDDEN, partners and staff too, outsiders NOT_FOUND. Each generation is in the activity log.
 */
export async function generateDpa(db: Db, actor: Actor, raw: z.input<typeof generateDpaSchema>): Promise<{ pdf: Buffer; fileName: string }> {
  const input = generateDpaSchema.parse(raw);
  const { org, user, date } = await db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "dpa.generate");
    const [org, user] = await Promise.all([
      tx.organization.findUniqueOrThrow({ where: { id: me.orgId }, select: { id: true, name: true, street: true, postalCode: true, city: true, country: true, vatNumber: true } }),
      tx.user.findUniqueOrThrow({ where: { id: me.userId }, select: { firstName: true, lastName: true, email: true, locale: true } }),
    ]);
    const date = now();
    await audit(tx, me.actor, { action: "dpa.generated", orgId: org.id, targetId: org.id, metadata: { locale: user.locale } });
    return { org, user, date };
  });
  const locale = isLocale(user.locale) ? user.locale : "en";
  const pdf = await renderDpaPdf({ organization: org, signatory: { name: `${user.firstName} ${user.lastName}`, email: user.email }, date }, locale);
  const slug = org.name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "organization";
  return { pdf, fileName: `dpa-${slug}-${date.toISOString().slice(0, 10)}.pdf` };
}
