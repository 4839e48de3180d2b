import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** The back office's way into the identity-verification cases. */
export async function VerificationsLink() {
  const t = await getTranslations("backofficeVerifications");
  return (
    <p className="mt-4">
      <Link href="/backoffice/verifications" className="text-sm font-medium text-brand-700 underline">
        {t("openList")}
      </Link>
    </p>
  );
}
