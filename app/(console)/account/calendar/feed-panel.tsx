"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { SecretCopyField, SecretReveal } from "@/components/ui/secret-reveal";
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
  return (
    <SecretReveal titleId="new-feed-title" title={t("createdTitle")} once={t("createdOnce")} level={2}>
      <SecretCopyField id="new-feed-url" value={url} label={t("urlLabel")} copyLabel={t("copy")} copiedLabel={t("copied")} testId="calendar-feed-url" />
    </SecretReveal>
  );
}
