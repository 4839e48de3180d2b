import { getFormatter } from "next-intl/server";

type Attachment = { id: string; mimeType: string };
type Message = { id: string; body: string; fromStaff: boolean; createdAt: Date; author: { firstName: string; lastName: string } | null; attachments: Attachment[] };
type Request = { body: string; createdAt: Date; requester: { firstName: string; lastName: string }; attachments: Attachment[]; messages: Message[] };

/** A support request's opening text and replies, oldest first, each with its screenshots (shared by the console and the back office). */
export async function Conversation({
  request,
  attachmentBase,
  staffLabel,
  screenshotLabel,
  closedNote,
}: {
  request: Request;
  attachmentBase: string;
  staffLabel: string;
  screenshotLabel: string;
  /** SUP-4: staff closed the request; its reason ends the conversation. */
  closedNote?: { at: Date; text: string } | null;
}) {
  const format = await getFormatter();
  const entries = [
    { id: "opening", body: request.body, fromStaff: false, createdAt: request.createdAt, author: request.requester, attachments: request.attachments },
    ...request.messages,
  ];
  return (
    <ol className="space-y-3" aria-label={staffLabel} data-testid="support-conversation">
      {entries.map((m, i) => (
        <li key={m.id} className={`rounded border p-3 ${m.fromStaff ? "border-brand-200 bg-brand-50" : "border-slate-200 bg-white"}`} data-testid="support-message">
          <p className="text-sm font-medium">
            {m.fromStaff ? staffLabel : m.author ? `${m.author.firstName} ${m.author.lastName}` : "—"} ·{" "}
            <span className="font-normal text-slate-600">{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
          </p>
          <div className="mt-1 whitespace-pre-wrap text-sm">{m.body}</div>
          {m.attachments.length ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {m.attachments.map((a, j) => (
                <li key={a.id}>
                  <a href={`${attachmentBase}/${a.id}`} target="_blank" rel="noopener" className="text-sm text-brand-700 underline" data-testid="support-screenshot">
                    {screenshotLabel} {i + 1}.{j + 1}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
      {closedNote ? (
        <li className="rounded border border-slate-300 bg-slate-50 p-3" data-testid="support-closed-note">
          <p className="text-sm font-medium">
            {staffLabel} · <span className="font-normal text-slate-600">{format.dateTime(closedNote.at, { dateStyle: "medium", timeStyle: "short" })}</span>
          </p>
          <p className="mt-1 whitespace-pre-wrap text-sm">{closedNote.text}</p>
        </li>
      ) : null}
    </ol>
  );
}
