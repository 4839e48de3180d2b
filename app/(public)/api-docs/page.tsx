import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { LanguagePicker } from "@/components/language-picker";
import { API_VERSIONS } from "@/lib/http/route";
import { ApiReference } from "./api-reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

/** The document the renderer reads: the same one served to tools, every version's paths included. */
const DOCUMENT_URL = "/api/openapi.json";

/**
 * API-3: the basics in the reader's language, then the OpenAPI document rendered by Scalar (bundled with
 * the app, loaded in the browser on this page only): every endpoint with its request and answer examples,
 * code samples (curl, JavaScript, Python) and "try it" with a token the reader pastes.
 */
export default async function ApiDocsPage() {
  const [t, locale] = await Promise.all([getTranslations("apiDocs"), getLocale()]);
  return (
    <div className="space-y-6 py-8">
      <div className="mx-auto max-w-5xl space-y-6 px-6">
        <header className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <LanguagePicker />
        </header>
        <section aria-labelledby="docs-basics" className="space-y-2 text-sm">
          <h2 id="docs-basics" className="text-lg font-semibold">
            {t("basicsTitle")}
          </h2>
          <p>{t("auth")}</p>
          <pre className="rounded bg-slate-900 p-3 break-all whitespace-pre-wrap text-slate-100">
            curl -H &quot;Authorization: Bearer mgr_…&quot; /api/{API_VERSIONS[0]}/accounts
          </pre>
          <p>{t("envelope")}</p>
          <p>{t("statuses")}</p>
          <p>{t("versions")}</p>
          <p>{t("paging")}</p>
          <p>{t("rateLimit")}</p>
          <p>{t("tryIt")}</p>
          <p>
            <a href={DOCUMENT_URL} className="text-brand-700 underline">
              {t("openapiLink")}
            </a>
          </p>
        </section>
      </div>
      <section aria-label={t("referenceTitle")} className="border-t border-slate-200">
        <noscript>
          <p className="mx-auto max-w-5xl px-6 py-4 text-sm">{t("noScript")}</p>
        </noscript>
        <ClientMessages namespaces={["apiDocs"]}>
          <ApiReference documentUrl={DOCUMENT_URL} locale={locale} />
        </ClientMessages>
      </section>
    </div>
  );
}
