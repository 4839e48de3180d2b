import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { readGrantedChatChannel } from "@/lib/backoffice/granted-content";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { StaffTwoFactorRequired } from "../../../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("chat.title") };
}

/** SUP-3: a granted chat discussion, read-only, for the staff handling the request; each read is in the customer's log. */
export default async function StaffChatPage({ params }: { params: Promise<{ requestId: string; channelId: string }> }) {
  const { requestId, channelId } = await params;
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const found = await orNotFound(readGrantedChatChannel(getDb(), actor, { requestId, channelId }), "INVALID_INPUT");
  const [tb, format] = await Promise.all([getTranslations("backofficeSupport"), getFormatter()]);
  return (
    <PlainShell actor={actor}>
      <div className="max-w-5xl space-y-4">
        <Link href={`/backoffice/support/${requestId}`} className="text-sm text-brand-700 underline">
          {tb("backToRequest")}
        </Link>
        <h1 className="text-2xl font-semibold">
          {found.channel.productName} / {found.channel.name}
        </h1>
        <p className="text-sm text-slate-600">{tb("readLogged")}</p>
        <ol className="space-y-2" data-testid="chat-messages">
          {found.messages.map((m) => (
            <li key={m.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
              <span className="font-medium">{m.authorName}</span> <span className="text-slate-600">{format.dateTime(m.sentAt, { dateStyle: "medium", timeStyle: "short" })}</span>
              <div className="whitespace-pre-wrap">{m.body}</div>
            </li>
          ))}
        </ol>
      </div>
    </PlainShell>
  );
}
