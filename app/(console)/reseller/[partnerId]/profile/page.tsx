import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { getPartnerProfile } from "@/lib/partners/update-profile";
import { PARTNER_REGIONS, PARTNER_SPECIALITIES } from "@/lib/partners/directory-options";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellerProfile"))("title") };
}

/** PRT-1: the partner's public directory profile (editable by its legal representative, shown to its other members). */
export default async function PartnerProfilePage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const actor = await requireActor();
  const { profile, mayEdit } = await orNotFound(getPartnerProfile(getDb(), actor, partnerId), "INVALID_INPUT");
  const [t, td] = await Promise.all([getTranslations("resellerProfile"), getTranslations("partnersDirectory")]);
  const yes = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <PlainShell actor={actor}>
      <div className="space-y-4">
        <Link href="/reseller" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">
          {t("intro")}{" "}
          <Link href="/partners-directory" className="text-brand-700 underline">
            {t("directoryLink")}
          </Link>
        </p>
        {mayEdit ? (
          <ProfileForm profile={profile} />
        ) : (
          <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-1 text-sm break-words sm:grid-cols-[max-content_1fr] sm:gap-y-2">
            <dt className="font-medium">{t("displayName")}</dt>
            <dd>{profile.displayName}</dd>
            <dt className="font-medium">{t("website")}</dt>
            <dd>{profile.website}</dd>
            <dt className="font-medium">{t("region")}</dt>
            <dd>{profile.region && (PARTNER_REGIONS as readonly string[]).includes(profile.region) ? td(`regions.${profile.region as (typeof PARTNER_REGIONS)[number]}`) : "—"}</dd>
            <dt className="font-medium">{t("specialities")}</dt>
            <dd>{profile.specialities.filter((s): s is (typeof PARTNER_SPECIALITIES)[number] => (PARTNER_SPECIALITIES as readonly string[]).includes(s)).map((s) => td(`specialities.${s}`)).join(", ") || "—"}</dd>
            <dt className="font-medium">{t("inDirectory")}</dt>
            <dd>{yes(profile.inDirectory)}</dd>
            <dt className="font-medium">{t("tendersOptIn")}</dt>
            <dd>{yes(profile.tendersOptIn)}</dd>
          </dl>
        )}
      </div>
    </PlainShell>
  );
}
