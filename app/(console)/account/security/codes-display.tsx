"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/secret-reveal";

/** 2FA-2: the backup codes, shown once, with a text download and printing. */
export function BackupCodesDisplay({ codes, email, provider }: { codes: string[]; email: string; provider: string }) {
  const t = useTranslations("security");
  const text = [t("codesFileHeader", { email, provider }), "", ...codes, ""].join("\n");
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <SecretReveal titleId="backup-codes-once" title={t("codesTitle")} once={t("codesOnce")} testId="backup-codes" roomy>
      <ol className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm">
        {codes.map((c) => (
          <li key={c} data-testid="backup-code">
            {c}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2 print:hidden">
        <a href={href} download="backup-codes.txt" className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50">
          {t("download")}
        </a>
        <Button type="button" variant="secondary" onClick={() => window.print()}>
          {t("print")}
        </Button>
      </div>
    </SecretReveal>
  );
}
