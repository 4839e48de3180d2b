import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { readGrantedMailbox } from "@/lib/backoffice/granted-content";
import { GrantedFrame, loadGranted } from "../../granted-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("mail.mailboxTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/** SUP-3: a granted mailbox, read-only, for the staff handling the request; each read is in the customer's log. */
export default async function StaffMailboxPage({ params, searchParams }: { params: Promise<{ requestId: string; mailboxId: string }>; searchParams: Promise<Search> }) {
  const [{ requestId, mailboxId }, query] = await Promise.all([params, searchParams]);
  const messageId = typeof query.message === "string" ? query.message : undefined;
  const view = await loadGranted((db, actor) => readGrantedMailbox(db, actor, { requestId, mailboxId, messageId }));
  if (!view.ok) return view.gate;
  const { actor, found: box } = view;
  const [t, format] = await Promise.all([getTranslations("content"), getFormatter()]);
  return (
    <GrantedFrame actor={actor} requestId={requestId} title={box.mailbox.address}>
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
    </GrantedFrame>
  );
}
