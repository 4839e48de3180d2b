import { getTranslations } from "next-intl/server";

const WIDTHS = ["w-11/12", "w-3/4", "w-5/6", "w-2/3"] as const;

/**
 * What a slow page shows while its data loads (its section's loading.tsx): grey bars in the shape of a
 * title, a filter bar and a table. Assistive technology hears one polite "Loading…" and sees the region
 * busy; the bars themselves are hidden from it, and they pulse only for those who accept motion.
 * `standalone` draws the page's own main landmark, for sections whose pages draw their shell themselves.
 */
export async function PageSkeleton({ rows = 8, standalone = false }: { rows?: number; standalone?: boolean }) {
  const t = await getTranslations("app");
  const body = (
    <div aria-busy="true" className="space-y-4" data-testid="page-skeleton">
      <p role="status" aria-live="polite" className="sr-only">
        {t("loading")}
      </p>
      <div aria-hidden="true" className="space-y-4 motion-safe:animate-pulse">
        <div className="h-8 w-64 max-w-full rounded bg-slate-200" />
        <div className="h-10 w-full max-w-2xl rounded bg-slate-100" />
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="border-b border-slate-100 px-3 py-3 last:border-b-0">
              <div className={`h-4 rounded bg-slate-100 ${WIDTHS[i % WIDTHS.length]}`} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
  return standalone ? (
    <main id="main" className="mx-auto w-full max-w-6xl p-6">
      {body}
    </main>
  ) : (
    body
  );
}
