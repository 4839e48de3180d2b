import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { getVerification } from "@/lib/identity/get-case";
import { OPEN_STATUSES } from "@/lib/identity/rules";
import { isRecoveryCase } from "@/lib/identity/recovery-link";
import { DecisionForm } from "./decision-form";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficeVerifications"))("caseTitle") };
}

/** IDV-2 (back office): one case, its photos (served by a staff-only route) and the decision. */
export default async function VerificationCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const found = await orNotFound(getVerification(getDb(), actor, caseId));
  const [t, format] = await Promise.all([getTranslations("backofficeVerifications"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const open = OPEN_STATUSES.includes(found.status);
  const rows: [string, string][] = [
    [t("person"), found.user ? `${found.user.firstName} ${found.user.lastName} · ${found.email}` : found.email],
    [t("reason"), t(`reasons.${found.reason}`)],
    [t("status"), t(`statuses.${found.status}`)],
    [t("phone"), found.phoneMasked ?? t("noPhone")],
    [t("documentType"), found.documentType ? t(`documentTypes.${found.documentType}`) : "—"],
    [t("created"), when(found.createdAt)],
    [t("submitted"), when(found.submittedAt)],
  ];
  if (open) rows.push([t("expires"), when(found.expiresAt)]);
  else {
    rows.push([t("decidedAt"), when(found.decidedAt)], [t("decidedBy"), found.decidedBy?.email ?? "—"], [t("note"), found.decisionNote ?? "—"], [t("filesDeleted"), when(found.filesDeletedAt)]);
  }

  return (
    <PlainShell actor={actor}>
      <div className="space-y-5">
        <Link href="/backoffice/verifications" className="text-sm text-brand-700 underline">
          {t("backToList")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("caseTitle")}</h1>
        {!open ? <Alert tone="info">{t("closed", { status: t(`statuses.${found.status}`) })}</Alert> : null}
        <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 text-sm break-words sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="photos" className="space-y-2">
          <h2 id="photos" className="text-lg font-semibold">
            {t("photos")}
          </h2>
          {found.documents.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noPhotos")}</p>
          ) : (
            <div className="flex flex-wrap gap-4">
              {found.documents.map((d) => (
                <figure key={d.id} className="space-y-1">
                  {/* Served by a staff-only route handler, never cached; next/image would cache it. */}
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img
                    src={`/backoffice/verifications/${found.id}/documents/${d.id}`}
                    alt={t(`kinds.${d.kind}`)}
                    className="max-h-80 max-w-xs rounded border border-slate-200 object-contain"
                  />
                  <figcaption className="text-xs text-slate-600">{t(`kinds.${d.kind}`)}</figcaption>
                </figure>
              ))}
            </div>
          )}
        </section>
        {open ? (
          <section aria-labelledby="decision" className="space-y-2">
            <h2 id="decision" className="text-lg font-semibold">
              {t("decision")}
            </h2>
            {found.status !== "SUBMITTED" ? <p className="text-sm text-slate-600">{t("notSubmittedYet")}</p> : null}
            {found.mayDecide ? <DecisionForm caseId={found.id} canApprove={found.status === "SUBMITTED"} recovery={isRecoveryCase(found.reason) ? (found.user ? "known" : "needsAccount") : null} /> : <p className="text-sm text-slate-600">{t("decidedBySupervisor")}</p>}
          </section>
        ) : null}
      </div>
    </PlainShell>
  );
}
