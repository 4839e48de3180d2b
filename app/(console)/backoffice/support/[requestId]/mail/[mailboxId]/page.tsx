import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MailMessagesTable, MailMessageView } from "@/components/content/mail-views";
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
  return (
    <GrantedFrame actor={actor} requestId={requestId} title={box.mailbox.address}>
      {box.message ? <MailMessageView message={box.message} /> : null}
      <MailMessagesTable messages={box.messages} href={(m) => `/backoffice/support/${requestId}/mail/${mailboxId}?message=${m.id}`} />
    </GrantedFrame>
  );
}
