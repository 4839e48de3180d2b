import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { listChatChannels } from "@/lib/content/list-chat-channels";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("chat.title") };
}

/** SUP-1: the discussions of the Organization's chat products, read-only. */
export default async function ChatPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId, "content.chat.read");
  const [channels, t] = await Promise.all([listChatChannels(getDb(), actor, { orgId }), getTranslations("content")]);
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("chat.title")}</h1>
        <p className="text-sm text-slate-600">{t("chat.subtitle")}</p>
      </div>
      <DataTable
        caption={t("chat.title")}
        rows={channels}
        rowKey={(c) => c.id}
        rowTestId="chat-channel"
        empty={t("chat.empty")}
        columns={[
          {
            key: "name",
            label: t("chat.channel"),
            rowHeader: true,
            cell: (c) => (
              <Link href={`/${orgId}/chat/${c.id}`} className="text-brand-700 underline">
                {c.name}
              </Link>
            ),
          },
          { key: "product", label: t("product"), cell: (c) => c.productName },
          { key: "count", label: t("chat.messages"), cell: (c) => t("chat.messageCount", { count: c.messageCount }) },
        ]}
      />
    </div>
  );
}
