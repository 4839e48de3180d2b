"use client";

import { useTranslations } from "next-intl";
import { disableTwoFactorAction, removeMethodAction } from "./actions";
import { PasswordConfirmForm } from "./password-confirm-form";

export function RemoveMethodButton({ methodId, name, last }: { methodId: string; name: string; last: boolean }) {
  const t = useTranslations("security");
  return (
    <PasswordConfirmForm
      serverAction={removeMethodAction}
      hidden={{ methodId }}
      openLabel={t("removeNamed", { name })}
      submitLabel={t("removeConfirm")}
      warning={last ? t("removeLastWarning") : undefined}
      danger
    />
  );
}

export function DisableTwoFactorButton() {
  const t = useTranslations("security");
  return <PasswordConfirmForm serverAction={disableTwoFactorAction} openLabel={t("disable")} submitLabel={t("disableConfirm")} warning={t("disableWarning")} danger />;
}
