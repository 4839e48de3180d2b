import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { listClientManagers } from "@/lib/partners/client-managers";
import { AssignForm } from "./assign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellerManagers"))("title") };
}

/** PRT-9: who of the partner's people manages which clients. */
export default async function ClientManagersPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const actor = await requireActor();
  const data = await orNotFound(listClientManagers(getDb(), actor, partnerId), "INVALID_INPUT");
  const [t, tRoles] = await Promise.all([getTranslations("resellerManagers"), getTranslations("roles")]);
  const names = new Map(data.clients.map((c) => [c.id, c.name]));
  return (
    <PlainShell actor={actor}>
      <div className="max-w-4xl space-y-4">
        <Link href="/reseller" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <ul className="space-y-3">
          {data.members.map((m) => {
            const label = m.name || m.email;
            return (
              <li key={m.membershipId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="partner-member">
                <h2 className="font-semibold">
                  {label} <span className="text-sm font-normal text-slate-600">· {m.email} · {tRoles(m.role)}</span>
                </h2>
                {m.seesAll ? (
                  <p className="mt-1 text-sm text-slate-700">{t("seesAll")}</p>
                ) : data.clients.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-700">{t("noClients")}</p>
                ) : data.mayAssign ? (
                  <div className="mt-2">
                    <AssignForm partnerId={partnerId} membershipId={m.membershipId} memberLabel={label} clients={data.clients} assigned={m.assigned} />
                  </div>
                ) : (
                  <p className="mt-1 text-sm text-slate-700">{m.assigned.length > 0 ? m.assigned.map((id) => names.get(id)).join(", ") : t("none")}</p>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </PlainShell>
  );
}
