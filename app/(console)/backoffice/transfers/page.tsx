import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PlainShell } from "@/components/shell/plain-shell";
import { notFound } from "next/navigation";
import { staffCan } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/get-actor";
import { TransferForm } from "./transfer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("transfersTitle") };
}

/** BIL-5 (back office): record an incoming IBAN transfer; staff whose role holds "transfers.record" only. */
export default async function TransfersPage() {
  const actor = await requireActor();
  if (!actor.staffRole || !staffCan(actor.staffRole, "transfers.record")) notFound();
  const t = await getTranslations("billing");
  return (
    <PlainShell actor={actor}>
      <div className="space-y-4">
        <Link href="/backoffice" className="text-sm text-brand-700 underline">
          {t("backToBackoffice")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("transfersTitle")}</h1>
        <p className="text-sm text-slate-600">{t("transfersSubtitle")}</p>
        <TransferForm />
      </div>
    </PlainShell>
  );
}
