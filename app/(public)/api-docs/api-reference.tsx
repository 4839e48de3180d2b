"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";

function Loading() {
  const t = useTranslations("apiDocs");
  return (
    <p role="status" className="px-6 py-8 text-sm text-slate-600">
      {t("loading")}
    </p>
  );
}

// The renderer (and its stylesheet) is fetched by this page only, in the browser.
const ScalarReference = dynamic(() => import("./scalar-reference"), { ssr: false, loading: () => <Loading /> });

/** API-3: the interactive reference of the OpenAPI document (examples, code samples, "try it"). */
export function ApiReference({ documentUrl, locale }: { documentUrl: string; locale: string }) {
  return <ScalarReference documentUrl={documentUrl} locale={locale} />;
}
