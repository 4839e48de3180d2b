import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";

type Message = { id: string; subject: string; fromName: string; fromAddress: string; receivedAt: Date; body: string };
type MessageRow = { id: string; subject: string; fromName: string; receivedAt: Date };

/**
 * SUP-1, SUP-3: one open e-mail, read-only — in the member's mailbox and in the staff's granted view.
 * `showReceived` adds when it arrived to the sender line; `children` go below the body (the share form).
 */
export async function MailMessageView({ message, showReceived = false, children }: { message: Message; showReceived?: boolean; children?: ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("content"), getFormatter()]);
  return (
    <article aria-labelledby="message-subject" className="space-y-2 rounded border border-slate-200 bg-white p-4" data-testid="mail-message">
      <h2 id="message-subject" className="text-lg font-semibold">
        {message.subject}
      </h2>
      {showReceived ? (
        <p className="text-sm text-slate-600">
          {t("mail.from", { name: message.fromName, address: message.fromAddress })} ·{" "}
          {format.dateTime(message.receivedAt, { dateStyle: "medium", timeStyle: "short" })}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t("mail.from", { name: message.fromName, address: message.fromAddress })}</p>
      )}
      <div className="whitespace-pre-wrap text-sm">{message.body}</div>
      {children}
    </article>
  );
}

/** SUP-1, SUP-3: a mailbox's messages, each subject a link to open it (`href`); `openId` marks the open one. */
export async function MailMessagesTable({ messages, href, openId }: { messages: MessageRow[]; href: (m: MessageRow) => string; openId?: string }) {
  const [t, format] = await Promise.all([getTranslations("content"), getFormatter()]);
  return (
    <DataTable
      caption={t("mail.messages")}
      rows={messages}
      rowKey={(m) => m.id}
      rowTestId="mail-row"
      empty={t("mail.noMessages")}
      columns={[
        {
          key: "subject",
          label: t("mail.subject"),
          rowHeader: true,
          cell: (m) => (
            <Link href={href(m)} className="text-brand-700 underline" aria-current={openId !== undefined && m.id === openId ? "true" : undefined}>
              {m.subject}
            </Link>
          ),
        },
        { key: "from", label: t("mail.sender"), cell: (m) => m.fromName },
        { key: "received", label: t("mail.received"), cell: (m) => format.dateTime(m.receivedAt, { dateStyle: "medium", timeStyle: "short" }) },
      ]}
    />
  );
}
