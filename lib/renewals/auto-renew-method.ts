import type { Tx } from "@/lib/db";
import type { PaymentMethodType } from "@/lib/generated/prisma/enums";
import { AUTO_RENEW_METHOD_TYPES, cardEnd } from "./schedule";

export type RenewalMethod = { id: string; type: PaymentMethodType; label: string; expMonth: number | null; expYear: number | null };

type Saved = RenewalMethod & { providerToken: string | null; removedAt: Date | null };

/** BIL-8: a saved method that can renew by itself — a supported card or a Twint profile, still valid at `at`. */
export function canRenewWith(m: Saved, at: Date): boolean {
  return !m.removedAt && !!m.providerToken && AUTO_RENEW_METHOD_TYPES.includes(m.type) && (cardEnd(m)?.getTime() ?? Infinity) > at.getTime();
}

export const METHOD_SELECT = { id: true, type: true, label: true, expMonth: true, expYear: true, providerToken: true, removedAt: true } as const;
export const METHOD_ORDER = [{ isDefault: "desc" as const }, { createdAt: "desc" as const }, { id: "asc" as const }];

/** The Organization's saved methods that can renew by themselves: the default one first, then the newest. */
export async function renewalMethods(tx: Tx, orgId: string, at: Date): Promise<RenewalMethod[]> {
  const rows = await tx.paymentMethod.findMany({ where: { orgId, removedAt: null }, orderBy: METHOD_ORDER, select: METHOD_SELECT });
  return rows.filter((m) => canRenewWith(m, at)).map(({ id, type, label, expMonth, expYear }) => ({ id, type, label, expMonth, expYear }));
}

/** PRT-5: the method a partner paying for a client renews with — its own default one that renews by itself, else the newest. */
export async function payerRenewalMethod(tx: Tx, orgId: string, at: Date) {
  const rows = await tx.paymentMethod.findMany({ where: { orgId, removedAt: null }, orderBy: METHOD_ORDER, select: METHOD_SELECT });
  return rows.find((m) => canRenewWith(m, at)) ?? null;
}
