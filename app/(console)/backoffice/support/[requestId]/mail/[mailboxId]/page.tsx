import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getTranslations } from "next-intl/server";
import { MailMessagesTable, MailMessageView } from "@/components/content/mail-views";
import { readGrantedMailbox } from "@/lib/backoffice/granted-content";
import { GrantedFrame, loadGranted } from "../../granted-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("mail.mailboxTitle") };
}

/** SEC-5: a message id this refuses (too long, a NUL) opens no message, with a notice. */
const querySchema = z.object({ message: queryText(64) });

/** SUP-3: a granted mailbox, read-only, for the staff handling the request; each read is in the customer's log. */
export default async function StaffMailboxPage({ params, searchParams }: { params: Promise<{ requestId: string; mailboxId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ requestId, mailboxId }, sp] = await Promise.all([params, searchParams]);
  const { query: asked, invalid } = parsePageQuery(querySchema, sp);
  const messageId = asked.message;
  const view = await loadGranted((db, actor) => readGrantedMailbox(db, actor, { requestId, mailboxId, messageId }));
  if (!view.ok) return view.gate;
  const { actor, found: box } = view;
  return (
    <GrantedFrame actor={actor} requestId={requestId} title={box.mailbox.address}>
      <QueryNotice invalid={invalid} />
      {box.message ? <MailMessageView message={box.message} /> : null}
      <MailMessagesTable messages={box.messages} href={(m) => `/backoffice/support/${requestId}/mail/${mailboxId}?message=${m.id}`} />
    </GrantedFrame>
  );
}
