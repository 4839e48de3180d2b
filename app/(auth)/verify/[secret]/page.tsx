import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { getCaseView } from "@/lib/identity/case-link";
import { DocumentsStep } from "./documents-step";
import { PhoneStep } from "./phone-step";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verification"))("caseTitle"), robots: { index: false, follow: false } };
}

/** IDV-2: the identity-verification case, opened by possession of its link (no session needed). */
export default async function VerificationCasePage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const [view, t, format] = await Promise.all([getCaseView(getDb(), secret), getTranslations("verification"), getFormatter()]);

  if (!view || view.status === "CLOSED") {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">{t("caseTitle")}</h1>
        <Alert tone="error">{t("errors.linkInvalid")}</Alert>
        <p className="text-sm text-slate-600">{t("linkInvalidHelp")}</p>
      </div>
    );
  }

  // An account without a phone has no phone step (SEC-3): its case starts at the photos.
  const total = view.phoneMasked ? 3 : 2;
  const step = view.status === "OPEN" ? 1 : view.status === "PHONE_CONFIRMED" ? total - 1 : total;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("caseTitle")}</h1>
        {view.status !== "SUBMITTED" ? (
          <p className="mt-1 text-sm text-slate-600" data-testid="case-step">
            {t("stepOf", { step, total })}
          </p>
        ) : null}
      </div>
      {view.status === "OPEN" && view.phoneMasked ? <PhoneStep secret={secret} codeSent={view.codeSent} phoneMasked={view.phoneMasked} /> : null}
      {view.status === "PHONE_CONFIRMED" ? <DocumentsStep secret={secret} /> : null}
      {view.status === "SUBMITTED" ? (
        <div className="space-y-3">
          <Alert tone="success">{t("underReview")}</Alert>
          <p className="text-sm">{t("whatNext")}</p>
          <p className="text-sm text-slate-600">{t("privacy")}</p>
        </div>
      ) : (
        <p className="text-xs text-slate-500">
          {t("linkExpires", { when: format.dateTime(view.expiresAt, { dateStyle: "long", timeStyle: "short" }) })} {t("privacy")}
        </p>
      )}
    </div>
  );
}
