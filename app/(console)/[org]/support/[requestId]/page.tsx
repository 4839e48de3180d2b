import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { getSupportRequest } from "@/lib/support-requests/get-request";
import { SupportForm } from "../support-form";
import { Conversation } from "@/components/support/conversation";
import { CloseRequestForm } from "./close-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("requestTitle") };
}

/** SUP-4 (customer side): one request, its conversation, a reply and closing it. */
export default async function SupportRequestPage({ params }: { params: Promise<{ org: string; requestId: string }> }) {
  const { org: orgId, requestId } = await params;
  const { actor } = await consoleContext(orgId, "support.request");
  const request = await orNotFound(getSupportRequest(getDb(), actor, { orgId, requestId }), "INVALID_INPUT");
  const [t, format] = await Promise.all([getTranslations("support"), getFormatter()]);
  const base = `/${orgId}/support/${request.id}/attachments`;
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={`/${orgId}/support`} className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{request.subject}</h1>
        <p className="text-sm text-slate-600" data-testid="support-request-status">
          {t(`statuses.${request.status}`)} · {t("openedBy", { name: `${request.requester.firstName} ${request.requester.lastName}`, when: format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
          {request.product ? ` · ${t("productLine", { product: request.product.name })}` : ""}
        </p>
      </div>
      <Conversation
        request={request}
        attachmentBase={base}
        staffLabel={t("staffAuthor")}
        screenshotLabel={t("screenshot")}
        closedNote={request.closedByStaff && request.closedAt ? { at: request.closedAt, text: t("closedByStaff", { reason: request.closeReason ?? "" }) } : null}
      />
      {request.status !== "CLOSED" ? (
        <>
          <p className="text-sm">
            <Link href="/account/support-access" className="text-brand-700 underline">
              {t("grantAccess")}
            </Link>
          </p>
          <section aria-labelledby="reply-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="reply-title" className="text-lg font-semibold">
              {t("replyTitle")}
            </h2>
            <SupportForm orgId={orgId} requestId={request.id} />
          </section>
          <CloseRequestForm orgId={orgId} requestId={request.id} />
        </>
      ) : null}
    </div>
  );
}
