"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** APP-1: the new password, shown this once with a copy button; closing the panel forgets it. */
export function RevealedAppPassword({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  const t = useTranslations("appPasswords");
  const id = useId();
  const [copy, setCopy] = useState<"idle" | "done" | "failed">("idle");
  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy("done");
    } catch {
      setCopy("failed");
    }
  }
  return (
    <section role="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-warning`} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id={`${id}-title`} className="font-semibold">
        {t("createdTitle", { name })}
      </h3>
      <p id={`${id}-warning`} className="text-sm font-medium text-amber-900">
        {t("warning")}
      </p>
      <p className="font-mono text-lg tracking-wider select-all" data-testid="app-password-value">
        {password}
      </p>
      <p className="text-sm text-slate-700">{t("usage")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={() => void copyPassword()} autoFocus>
          {t("copy")}
        </Button>
        <Button type="button" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
      {copy === "done" ? <Alert tone="success">{t("copied")}</Alert> : null}
      {copy === "failed" ? <Alert tone="error">{t("copyFailed")}</Alert> : null}
    </section>
  );
}
