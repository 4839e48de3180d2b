import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { readChatChannel } from "@/lib/content/read-chat-channel";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("chat.channelTitle") };
}

/** SEC-5: a page this refuses (too long, a NUL, not a number) shows the latest page, with a notice. */
const querySchema = z.object({ page: z.string().regex(/^\d{1,6}$/).optional() });

/** SUP-1: one discussion's messages, oldest to newest, the latest page first; read-only. */
export default async function ChatChannelPage({ params, searchParams }: { params: Promise<{ org: string; channelId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ org: orgId, channelId }, sp] = await Promise.all([params, searchParams]);
  const { query: asked, invalid } = parsePageQuery(querySchema, sp);
  const { actor } = await consoleContext(orgId, "content.chat.read");
  const page = asked.page;
  const found = await orNotFound(readChatChannel(getDb(), actor, { orgId, channelId, page }), "INVALID_INPUT");
  const [t, format] = await Promise.all([getTranslations("content"), getFormatter()]);
  const href = (p: number) => `/${orgId}/chat/${channelId}?page=${p}`;
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={`/${orgId}/chat`} className="text-sm text-brand-700 underline">
        {t("chat.back")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{found.channel.name}</h1>
        <p className="text-sm text-slate-600">{found.channel.productName}</p>
      </div>
      <QueryNotice invalid={invalid} />
      <Pagination
        label={t("pages")}
        previous={found.page < found.pageCount ? { href: href(found.page + 1), label: t("older") } : null}
        next={found.page > 1 ? { href: href(found.page - 1), label: t("newer") } : null}
        current={t("pageOf", { page: found.page, pages: found.pageCount })}
      />
      {found.messages.length === 0 ? <p className="text-sm text-slate-600">{t("chat.noMessages")}</p> : null}
      <ol className="space-y-3" aria-label={t("chat.messages")}>
        {found.messages.map((m) => (
          <li key={m.id} className="rounded border border-slate-200 bg-white p-3" data-testid="chat-message">
            <p className="text-sm">
              <span className="font-semibold">{m.authorName}</span>{" "}
              <time className="text-slate-600" dateTime={m.sentAt.toISOString()}>
                {format.dateTime(m.sentAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </p>
            <p className="whitespace-pre-wrap text-sm">{m.body}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
