import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlainShell } from "@/components/shell/plain-shell";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { accountDeletionBlockers } from "@/lib/privacy/delete-account";
import { securityOverview } from "@/lib/two-factor/security-overview";
import { DeleteAccountForm } from "./delete-account-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

/**
 * GDPR: the person's own data — a download of everything the Manager holds about them (JSON or CSV) —
 * and the deletion of their account, refused while they are the only legal representative of an
 * Organization (they are told which ones to hand over first).
 */
export default async function PrivacyPage() {
  const actor = await requireActor();
  const db = getDb();
  const [t, blockers, overview] = await Promise.all([getTranslations("privacy"), accountDeletionBlockers(db, actor.userId), securityOverview(db, actor)]);
  return (
    <PlainShell actor={actor}>
      <div className="max-w-3xl space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <Section id="my-data" title={t("exportTitle")} testId="my-data">
          <p className="text-sm text-slate-600">{t("exportHelp")}</p>
          <p className="mt-2 flex flex-wrap gap-4">
            <a href="/account/privacy/export?format=json" className="text-brand-700 underline" data-testid="my-data-json" download>
              {t("downloadJson")}
            </a>
            <a href="/account/privacy/export?format=csv" className="text-brand-700 underline" data-testid="my-data-csv" download>
              {t("downloadCsv")}
            </a>
          </p>
        </Section>
        <Section id="delete-account" title={t("deleteTitle")} testId="delete-account">
          <p className="text-sm text-slate-600">{t("deleteHelp")}</p>
          {actor.staffRole ? (
            <p className="text-sm">{t("errors.staffAccount")}</p>
          ) : blockers.length > 0 ? (
            <div role="note" className="space-y-1 text-sm" data-testid="delete-blocked">
              <p>{t("handOverFirst")}</p>
              <ul className="list-disc pl-5">
                {blockers.map((o) => (
                  <li key={o.id}>{o.name}</li>
                ))}
              </ul>
            </div>
          ) : (
            <DeleteAccountForm needsCode={overview.enabled} />
          )}
        </Section>
      </div>
    </PlainShell>
  );
}
