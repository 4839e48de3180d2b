import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/get-actor";
import { readGrantedMailbox } from "@/lib/backoffice/granted-content";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { StaffTwoFactorRequired } from "../../../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("mail.mailboxTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/** SUP-3: a granted mailbox, read-only, for the staff handling the request; each read is in the customer's log. */
export default async function StaffMailboxPage({ params, searchParams }: { params: Promise<{ requestId: string; mailboxId: string }>; searchParams: Promise<Search> }) {
  const [{ requestId, mailboxId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const messageId = typeof query.message === "string" ? query.message : undefined;
  const box = await orNotFound(readGrantedMailbox(getDb(), actor, { requestId, mailboxId, messageId }), "INVALID_INPUT");
  const [t, tb, format] = await Promise.all([getTranslations("content"), getTranslations("backofficeSupport"), getFormatter()]);
  return (
    <PlainShell actor={actor}>
      <div className="max-w-5xl space-y-4">
        <Link href={`/backoffice/support/${requestId}`} className="text-sm text-brand-700 underline">
          {tb("backToRequest")}
        </Link>
        <h1 className="text-2xl font-semibold">{box.mailbox.address}</h1>
        <p className="text-sm text-slate-600">{tb("readLogged")}</p>
        {box.message ? (
          <article aria-labelledby="message-subject" className="space-y-2 rounded border border-slate-200 bg-white p-4" data-testid="mail-message">
            <h2 id="message-subject" className="text-lg font-semibold">
              {box.message.subject}
            </h2>
            <p className="text-sm text-slate-600">{t("mail.from", { name: box.message.fromName, address: box.message.fromAddress })}</p>
            <div className="whitespace-pre-wrap text-sm">{box.message.body}</div>
          </article>
        ) : null}
        <DataTable
          caption={t("mail.messages")}
          rows={box.messages}
          rowKey={(m) => m.id}
          rowTestId="mail-row"
          empty={t("mail.noMessages")}
          columns={[
            {
              key: "subject",
              label: t("mail.subject"),
              rowHeader: true,
              cell: (m) => (
                <Link href={`/backoffice/support/${requestId}/mail/${mailboxId}?message=${m.id}`} className="text-brand-700 underline">
                  {m.subject}
                </Link>
              ),
            },
            { key: "from", label: t("mail.sender"), cell: (m) => m.fromName },
            { key: "received", label: t("mail.received"), cell: (m) => format.dateTime(m.receivedAt, { dateStyle: "medium", timeStyle: "short" }) },
          ]}
        />
      </div>
    </PlainShell>
  );
}
