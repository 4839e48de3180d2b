import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { getActor } from "@/lib/auth/get-actor";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { listCaughtMail } from "@/lib/dev/mailbox";
import { listSandboxSms } from "@/lib/sms/sandbox-store";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title") };
}

/** Development only: the mail caught by the local SMTP catcher (NTF-1). Absent with an external SMTP server. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!config.mailboxEnabled || !process.env.DATABASE_URL) notFound();
  const params = await searchParams;
  const to = typeof params.to === "string" ? params.to.trim().slice(0, 254) : "";
  const open = typeof params.open === "string" ? Number(params.open) : null;
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
      <form className="mt-4 flex items-end gap-2" method="get">
        <label className="text-sm">
          <span className="block font-medium">{t("filter")}</span>
          <input name="to" defaultValue={to} type="search" className="mt-1 rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm">{t("apply")}</button>
      </form>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        {mails.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <table className="w-full border-collapse bg-white text-sm shadow-sm">
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">{t("received")}</th>
                <th scope="col" className="p-2">{t("to")}</th>
                <th scope="col" className="p-2">{t("subject")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id} className="border-b border-slate-100">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(m.receivedAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="p-2">{m.rcptTo.join(", ")}</td>
                  <td className="p-2">
                    <a className="text-brand-700 underline" href={`/mailbox?${new URLSearchParams({ ...(to ? { to } : {}), open: String(m.id) })}`}>
                      {m.subject}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
        {sms.length === 0 ? (
          <p className="text-sm text-slate-600">{ts("empty")}</p>
        ) : (
          <table className="w-full border-collapse bg-white text-sm shadow-sm" data-testid="sandbox-sms">
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">{ts("to")}</th>
                <th scope="col" className="p-2">{ts("text")}</th>
                <th scope="col" className="p-2">{ts("accepted")}</th>
                <th scope="col" className="p-2">{ts("delivered")}</th>
              </tr>
            </thead>
            <tbody>
              {sms.map((m) => (
                <tr key={m.id} className="border-b border-slate-100">
                  <td className="p-2 whitespace-nowrap">{m.to}</td>
                  <td className="p-2">{m.body}</td>
                  <td className="p-2 whitespace-nowrap">{format.dateTime(m.acceptedAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="p-2 whitespace-nowrap">{format.dateTime(m.deliveredAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </PlainShell>
  );
}
