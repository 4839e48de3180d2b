import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("noOrganization"))("title") };
}

/** Shown to a signed-in person who belongs to no Organization (e.g. after leaving their last one). */
export default async function NoOrganizationPage() {
  const actor = await requireActor();
  if (await getDb().membership.findFirst({ where: { userId: actor.userId }, select: { id: true } })) redirect("/");
  const t = await getTranslations("noOrganization");
  return (
    <PlainShell actor={actor}>
      <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("body")}</p>
      </div>
    </PlainShell>
  );
}
