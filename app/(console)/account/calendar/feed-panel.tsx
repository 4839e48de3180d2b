"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";

/** Generate (or regenerate) the feed's secret URL, shown once; revoke it, confirmed in a dialog. */
export function FeedPanel({ active }: { active: boolean }) {
  const t = useTranslations("calendarFeed");
  const create = useFormAction(createCalendarFeedAction);
  const revoke = useFormAction(revokeCalendarFeedAction);
  // Only the latest of the two answers is shown: a URL revoked since it was generated is not offered again.
  const [last, setLast] = useState<"create" | "revoke" | null>(null);
  const created = last === "create" && create.state?.ok ? (create.state.data as { url: string } | undefined) : undefined;
  const revoked = last === "revoke" && revoke.state?.ok;
  return (
    <div className="space-y-4">
      {created ? <NewFeedUrl url={created.url} /> : null}
      {revoked ? <Alert tone="success">{t("revoked")}</Alert> : null}
      {last === "create" && create.state && !create.state.ok ? <Alert tone="error">{create.state.message}</Alert> : null}
      {last === "revoke" && revoke.state && !revoke.state.ok ? <Alert tone="error">{revoke.state.message}</Alert> : null}
      <div className="flex flex-wrap items-center gap-2">
        <form
          action={create.formAction}
          onSubmit={(e) => {
            setLast("create");
            create.onSubmit(e);
          }}
        >
          <Button type="submit" disabled={create.pending}>
            {active ? t("regenerate") : t("generate")}
          </Button>
        </form>
        {active ? (
          <ConfirmButton
            label={t("revoke")}
            variant="secondary"
            title={t("revokeQuestion")}
            description={t("revokeConfirm")}
            confirmLabel={t("revokeYes")}
            cancelLabel={t("cancel")}
            onSubmit={(e) => {
              setLast("revoke");
              revoke.onSubmit(e);
            }}
            pending={revoke.pending}
            result={revoke.state}
          />
        ) : null}
      </div>
      {active ? <p className="text-sm text-slate-600">{t("regenerateHelp")}</p> : null}
    </div>
  );
}

function NewFeedUrl({ url }: { url: string }) {
  const t = useTranslations("calendarFeed");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section aria-labelledby="new-feed-title" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 id="new-feed-title" className="font-semibold">
        {t("createdTitle")}
      </h2>
      <Alert tone="info">{t("createdOnce")}</Alert>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="new-feed-url" className="sr-only">
          {t("urlLabel")}
        </label>
        <input
          id="new-feed-url"
          readOnly
          value={url}
          data-testid="calendar-feed-url"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button type="button" variant="secondary" onClick={copy}>
          {t("copy")}
        </Button>
        <span role="status" className="text-sm text-green-800">
          {copied ? t("copied") : ""}
        </span>
      </div>
    </section>
  );
}
