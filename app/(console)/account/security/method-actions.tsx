"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { disableTwoFactorAction, removeMethodAction } from "./actions";
import { EndOtherSessionsOffer } from "./end-other-sessions-offer";
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

/**
 * Stays mounted while 2FA is off (`enabled` false) so that, once disabled, it can offer to end the other
 * sessions in place of the button.
 */
export function DisableTwoFactorButton({ enabled }: { enabled: boolean }) {
  const t = useTranslations("security");
  const [disabled, setDisabled] = useState<{ otherSessions: number } | null>(null);
  const serverAction: typeof disableTwoFactorAction = async (prev, formData) => {
    const result = await disableTwoFactorAction(prev, formData);
    if (result?.ok && result.data) setDisabled(result.data);
    return result;
  };
  if (disabled) return <EndOtherSessionsOffer count={disabled.otherSessions} />;
  if (!enabled) return null;
  return <PasswordConfirmForm serverAction={serverAction} openLabel={t("disable")} submitLabel={t("disableConfirm")} warning={t("disableWarning")} danger />;
}
