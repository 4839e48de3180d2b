import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { notFoundAsNull } from "@/lib/tenders/not-found-as-null";
import { findTenderToCancel } from "@/lib/tenders/cancel-tender";
import { CancelTenderForm } from "./cancel-tender-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tenders"))("cancelTitle") };
}

/**
 * TND-4: opening the link only asks; the cancellation is the form's POST, so a mail scanner that fetches
 * links cannot cancel anything. A used or unknown link says so (single use).
 */
export default async function CancelTenderPage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const [tender, t] = await Promise.all([notFoundAsNull(findTenderToCancel(getDb(), secret)), getTranslations("tenders")]);
  if (!tender) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("cancelledTitle")}</h1>
        <p role="alert" className="text-sm text-red-800">
          {t("errors.cancelLinkInvalid")}
        </p>
      </div>
    );
  }
  return <CancelTenderForm secret={secret} title={tender.title} />;
}
