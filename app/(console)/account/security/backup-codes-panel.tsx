"use client";

import { useTranslations } from "next-intl";
import { regenerateBackupCodesAction } from "./actions";
import { BackupCodesDisplay } from "./codes-display";
import { PasswordConfirmForm } from "./password-confirm-form";

export function RegenerateBackupCodes({ email, provider }: { email: string; provider: string }) {
  const t = useTranslations("security");
  return (
    <PasswordConfirmForm serverAction={regenerateBackupCodesAction} openLabel={t("regenerate")} submitLabel={t("regenerate")} warning={t("regenerateHelp")}>
      {(data) => (data ? <BackupCodesDisplay codes={data.codes} email={email} provider={provider} /> : null)}
    </PasswordConfirmForm>
  );
}
