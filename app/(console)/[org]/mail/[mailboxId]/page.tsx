import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MailMessagesTable, MailMessageView } from "@/components/content/mail-views";
import { Pagination } from "@/components/ui/pagination";
import { readMailbox } from "@/lib/content/read-mailbox";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { ShareMailForm } from "./share-mail-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("mail.mailboxTitle") };
}

type Params = { org: string; mailboxId: string };
/** SEC-5: a message id or page this refuses (too long, a NUL, not a number) shows the mailbox's first page, with a notice. */
const querySchema = z.object({ message: queryText(64), page: z.string().regex(/^\d{1,6}$/).optional() });

/** SUP-1, SUP-3: one mailbox's messages, one of them open; a member may share that one e-mail with support. */
export default async function MailboxPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const [{ org: orgId, mailboxId }, sp] = await Promise.all([params, searchParams]);
  const { query: asked, invalid } = parsePageQuery(querySchema, sp);
  const { actor, access } = await consoleContext(orgId, "content.mail.read");
  const messageId = asked.message;
  const page = asked.page;
  const box = await orNotFound(readMailbox(getDb(), actor, { orgId, mailboxId, messageId, page }), "INVALID_INPUT");
  const t = await getTranslations("content");
  const href = (p: number) => `/${orgId}/mail/${mailboxId}?page=${p}`;
  return (
    <div className="max-w-5xl space-y-4">
      <Link href={`/${orgId}/mail`} className="text-sm text-brand-700 underline">
        {t("mail.back")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{box.mailbox.address}</h1>
        <p className="text-sm text-slate-600">{box.mailbox.displayName}</p>
      </div>
      <QueryNotice invalid={invalid} />
      {box.message ? (
        <MailMessageView message={box.message} showReceived>
          {access.via === "membership" && access.actions.has("support.grant") ? <ShareMailForm orgId={orgId} messageId={box.message.id} /> : null}
        </MailMessageView>
      ) : null}
      <MailMessagesTable messages={box.messages} href={(m) => `/${orgId}/mail/${mailboxId}?message=${m.id}&page=${box.page}`} openId={box.message?.id} />
      <Pagination
        label={t("pages")}
        previous={box.page > 1 ? { href: href(box.page - 1), label: t("newer") } : null}
        next={box.page < box.pageCount ? { href: href(box.page + 1), label: t("older") } : null}
        current={t("pageOf", { page: box.page, pages: box.pageCount })}
      />
    </div>
  );
}
