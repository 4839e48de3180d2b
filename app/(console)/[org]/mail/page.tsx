import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { listMailboxes } from "@/lib/content/list-mailboxes";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("mail.title") };
}

/** SUP-1: the mail addresses of the Organization's mail products, read-only. */
export default async function MailPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId, "content.mail.read");
  const [mailboxes, t] = await Promise.all([listMailboxes(getDb(), actor, { orgId }), getTranslations("content")]);
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("mail.title")}</h1>
        <p className="text-sm text-slate-600">{t("mail.subtitle")}</p>
      </div>
      <DataTable
        caption={t("mail.title")}
        rows={mailboxes}
        rowKey={(m) => m.id}
        rowTestId="mailbox-row"
        empty={t("mail.empty")}
        columns={[
          {
            key: "address",
            label: t("mail.address"),
            rowHeader: true,
            cell: (m) => (
              <Link href={`/${orgId}/mail/${m.id}`} className="text-brand-700 underline">
                {m.address}
              </Link>
            ),
          },
          { key: "name", label: t("mail.displayName"), cell: (m) => m.displayName },
          { key: "product", label: t("product"), cell: (m) => m.productName },
          { key: "count", label: t("mail.messages"), cell: (m) => t("mail.messageCount", { count: m.messageCount }) },
        ]}
      />
    </div>
  );
}
