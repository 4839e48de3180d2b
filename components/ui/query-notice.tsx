import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/** SEC-5: says that parameters of the page's address were refused and the page shows its defaults (parsePageQuery). */
export async function QueryNotice({ invalid }: { invalid: string[] }) {
  if (invalid.length === 0) return null;
  const t = await getTranslations("errors");
  return (
    <div data-testid="query-notice">
      <Alert tone="info">{t("queryReset")}</Alert>
    </div>
  );
}
