import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { Section } from "@/components/ui/section";
import { Conversation } from "@/components/support/conversation";
import { staffCan } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/get-actor";
import { listHandlers } from "@/lib/backoffice/assign-request";
import { getStaffRequest } from "@/lib/backoffice/staff-request";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";
import { AssignRequestForm, StaffCloseForm, StaffReplyForm, TakeRequestForm } from "../request-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficeSupport"))("requestTitle") };
}

/**
 * SUP-3, SUP-4: one request in the back office. The staff handling it reply and, while a grant of the
 * Organization is active, open its granted content (read-only, each read in the customer's activity log).
 */
export default async function StaffRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const db = getDb();
  const request = await orNotFound(getStaffRequest(db, actor, { requestId }), "INVALID_INPUT");
  const canAssign = staffCan(actor.staffRole, "requests.assign");
  const [handlers, t, format] = await Promise.all([canAssign ? listHandlers(db, actor) : [], getTranslations("backofficeSupport"), getFormatter()]);
  const { mailboxes, drives, channels } = request.content;
  const base = `/backoffice/support/${request.id}`;
  const nothingGranted = !mailboxes && !drives && !channels;
  return (
    <PlainShell actor={actor}>
      <div className="max-w-4xl space-y-4">
        <Link href="/backoffice/support" className="text-sm text-brand-700 underline">
          {t("backToQueue")}
        </Link>
        <div>
          <h1 className="text-2xl font-semibold">{request.subject}</h1>
          <p className="text-sm text-slate-600" data-testid="staff-request-meta">
            {request.organization.name} · {t(`statuses.${request.status}`)} · {format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            {request.product ? ` · ${request.product.name}` : ""} · {request.handler ? t("handledBy", { name: `${request.handler.firstName} ${request.handler.lastName}` }) : t("nobody")}
          </p>
        </div>
        {request.status === "OPEN" && !request.handlerId ? <TakeRequestForm requestId={request.id} /> : null}
        {canAssign && request.status !== "CLOSED" ? (
          <AssignRequestForm requestId={request.id} current={request.handlerId} handlers={handlers.map((h) => ({ id: h.id, name: `${h.firstName} ${h.lastName}` }))} />
        ) : null}
        <Conversation
          request={request}
          attachmentBase={`${base}/attachments`}
          staffLabel={t("staffAuthor")}
          screenshotLabel={t("screenshot")}
          closedNote={request.closedByStaff && request.closedAt ? { at: request.closedAt, text: t("closedWithReason", { reason: request.closeReason ?? "" }) } : null}
        />
        {request.mine ? (
          <Section id="granted-content" title={t("grantedContent")} testId="granted-content">
            {nothingGranted ? <p className="text-sm text-slate-600">{t("nothingGranted")}</p> : null}
            {mailboxes ? (
              <div>
                <h3 className="font-semibold">{t("mail")}</h3>
                <ul className="list-disc pl-5 text-sm">
                  {mailboxes.map((m) => (
                    <li key={m.id}>
                      <Link href={`${base}/mail/${m.id}`} className="text-brand-700 underline">
                        {m.address}
                      </Link>{" "}
                      ({t("messageCount", { count: m.messageCount })})
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {drives ? (
              <div>
                <h3 className="font-semibold">{t("drive")}</h3>
                <ul className="list-disc pl-5 text-sm">
                  {drives.flatMap((d) =>
                    d.folders.map((f) => (
                      <li key={f.id}>
                        <Link href={`${base}/drive/${f.id}`} className="text-brand-700 underline">
                          {d.name} / {f.name}
                        </Link>
                      </li>
                    )),
                  )}
                </ul>
              </div>
            ) : null}
            {channels ? (
              <div>
                <h3 className="font-semibold">{t("chat")}</h3>
                <ul className="list-disc pl-5 text-sm">
                  {channels.map((c) => (
                    <li key={c.id}>
                      <Link href={`${base}/chat/${c.id}`} className="text-brand-700 underline">
                        {c.productName} / {c.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Section>
        ) : null}
        {request.status !== "CLOSED" && (request.mine || (request.status === "OPEN" && !request.handlerId)) ? <StaffReplyForm requestId={request.id} /> : null}
        {request.status !== "CLOSED" && (request.mine || canAssign) ? <StaffCloseForm requestId={request.id} /> : null}
      </div>
    </PlainShell>
  );
}
