"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { LanguagePicker } from "@/components/language-picker";
import { ThemePicker } from "@/components/theme/theme-picker";

type User = { email: string; firstName: string; lastName: string };

function initials(u: User): string {
  return `${u.firstName[0] ?? ""}${u.lastName[0] ?? ""}`.toUpperCase() || u.email[0].toUpperCase();
}

/** ACC-5: avatar/initials menu with the language, the theme, "switch user" and sign-out. */
export function AccountMenu({ user }: { user: User }) {
  const t = useTranslations("shell");
  const ts = useTranslations("security");
  return (
    <details className="relative" data-testid="account-menu">
      <summary className="flex h-9 w-9 cursor-pointer list-none items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white">
        <span aria-hidden="true">{initials(user)}</span>
        <span className="sr-only">{t("accountMenu")}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 max-w-[calc(100vw-1.5rem)] space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <div>
          <p className="text-sm font-medium">
            {user.firstName} {user.lastName}
          </p>
          <p className="text-xs break-words text-slate-600">{t("signedInAs", { email: user.email })}</p>
        </div>
        <LanguagePicker />
        <ThemePicker />
        <Link href="/account/security" className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100" data-testid="security-link">
          {ts("menuLink")}
        </Link>
        <Link href="/account/support-access" className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100" data-testid="support-access-link">
          {t("supportAccess")}
        </Link>
        <Link href="/account/api-tokens" className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100" data-testid="api-tokens-link">
          {ts("apiTokensLink")}
        </Link>
        <Link href="/account/calendar" className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100" data-testid="calendar-feed-link">
          {t("calendarFeed")}
        </Link>
        <Link href="/account/privacy" className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100" data-testid="privacy-link">
          {t("privacy")}
        </Link>
        <button
          type="button"
          className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100"
          data-testid="switch-user"
          onClick={() => void signOut({ callbackUrl: "/sign-in" })}
        >
          {t("switchUser")}
        </button>
        <button
          type="button"
          className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100"
          data-testid="sign-out"
          onClick={() => void signOut({ callbackUrl: "/sign-in" })}
        >
          {t("signOut")}
        </button>
      </div>
    </details>
  );
}
