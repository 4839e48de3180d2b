import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getFormatter, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm, SearchFilter } from "@/components/ui/filter-form";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { listCaughtMail } from "@/lib/dev/mailbox";
import { mailboxReachable } from "@/lib/dev/mailbox-access";
import { listSandboxSms } from "@/lib/sms/sandbox-store";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title") };
}

/** SEC-5: a filter this refuses (too long, a NUL) shows every mail, with a notice. */
const querySchema = z.object({ to: queryText(254), open: z.coerce.number().int().min(1).optional() });

/**
 * Development only: the mail caught by the local SMTP catcher (NTF-1). Absent with an external SMTP server,
 * on a server not bound to loopback, and for a request not addressed to a loopback name (SEC-7).
 */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!mailboxReachable((await headers()).get("host")) || !process.env.DATABASE_URL) notFound();
  const { query, invalid } = parsePageQuery(querySchema, await searchParams);
  const to = query.to?.trim() ?? "";
  const open = query.open ?? null;
  const [mails, t, format, actor, sms, ts] = await Promise.all([
    listCaughtMail(process.env.DATABASE_URL, { to: to || undefined, limit: 100 }),
    getTranslations("mailbox"),
    getFormatter(),
    getActor(),
    listSandboxSms(getDb(), { limit: 100 }),
    getTranslations("devices.sandboxSms"),
  ]);
  const opened = open ? mails.find((m) => m.id === open) : null;
  return (
    <PlainShell actor={actor}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("subtitle")}</p>
      <QueryNotice invalid={invalid} />
      <div className="mt-4">
        <FilterForm action="/mailbox" label={t("filter")} submitLabel={t("apply")}>
          <SearchFilter id="mailbox-to" name="to" label={t("filter")} value={to} />
        </FilterForm>
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <DataTable
          caption={t("title")}
          rows={mails}
          rowKey={(m) => String(m.id)}
          empty={t("empty")}
          columns={[
            { key: "received", label: t("received"), className: "whitespace-nowrap", cell: (m) => format.dateTime(m.receivedAt, { dateStyle: "short", timeStyle: "medium" }) },
            { key: "to", label: t("to"), cell: (m) => m.rcptTo.join(", ") },
            {
              key: "subject",
              label: t("subject"),
              cell: (m) => (
                <a className="text-brand-700 underline" href={`/mailbox?${new URLSearchParams({ ...(to ? { to } : {}), open: String(m.id) })}`}>
                  {m.subject}
                </a>
              ),
            },
          ]}
        />
        {opened ? (
          <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={opened.subject ?? undefined}>
            <h2 className="font-semibold">{opened.subject}</h2>
            <pre className="mt-2 whitespace-pre-wrap break-words text-sm">{opened.text}</pre>
          </article>
        ) : null}
      </div>
      <section aria-labelledby="sandbox-sms-heading" className="mt-8 space-y-2">
        <h2 id="sandbox-sms-heading" className="text-lg font-semibold">
          {ts("heading")}
        </h2>
        <p className="text-sm text-slate-600">{ts("explain")}</p>
        <DataTable
          caption={ts("heading")}
          testId="sandbox-sms"
          rows={sms}
          rowKey={(m) => m.id}
          empty={ts("empty")}
          columns={[
            { key: "to", label: ts("to"), className: "whitespace-nowrap", cell: (m) => m.to },
            { key: "text", label: ts("text"), cell: (m) => m.body },
            { key: "accepted", label: ts("accepted"), className: "whitespace-nowrap", cell: (m) => format.dateTime(m.acceptedAt, { dateStyle: "short", timeStyle: "medium" }) },
            { key: "delivered", label: ts("delivered"), className: "whitespace-nowrap", cell: (m) => format.dateTime(m.deliveredAt, { dateStyle: "short", timeStyle: "medium" }) },
          ]}
        />
      </section>
    </PlainShell>
  );
}
