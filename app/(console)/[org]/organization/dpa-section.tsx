import { getTranslations } from "next-intl/server";

/** GDP-1: the data-processing agreement, for the roles holding "dpa.generate" (the page shows it only to them). */
export async function DpaSection({ orgId, className }: { orgId: string; className: string }) {
  const t = await getTranslations("dpa");
  return (
    <section className={className} aria-labelledby="org-dpa" data-testid="dpa-section">
      <div>
        <h2 id="org-dpa" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <a href={`/${orgId}/organization/dpa`} className="inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700" download>
        {t("generate")}
      </a>
    </section>
  );
}
