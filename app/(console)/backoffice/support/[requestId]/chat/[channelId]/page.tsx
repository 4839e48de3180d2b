import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { readGrantedChatChannel } from "@/lib/backoffice/granted-content";
import { GrantedFrame, loadGranted } from "../../granted-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("chat.title") };
}

/** SUP-3: a granted chat discussion, read-only, for the staff handling the request; each read is in the customer's log. */
export default async function StaffChatPage({ params }: { params: Promise<{ requestId: string; channelId: string }> }) {
  const { requestId, channelId } = await params;
  const view = await loadGranted((db, actor) => readGrantedChatChannel(db, actor, { requestId, channelId }));
  if (!view.ok) return view.gate;
  const { actor, found } = view;
  const format = await getFormatter();
  return (
    <GrantedFrame actor={actor} requestId={requestId} title={`${found.channel.productName} / ${found.channel.name}`}>
      <ol className="space-y-2" data-testid="chat-messages">
        {found.messages.map((m) => (
          <li key={m.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
            <span className="font-medium">{m.authorName}</span> <span className="text-slate-600">{format.dateTime(m.sentAt, { dateStyle: "medium", timeStyle: "short" })}</span>
            <div className="whitespace-pre-wrap">{m.body}</div>
          </li>
        ))}
      </ol>
    </GrantedFrame>
  );
}
