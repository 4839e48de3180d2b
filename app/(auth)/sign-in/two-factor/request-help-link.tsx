"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

/** 2FA-3: the last alternative at the second step, when no other method is at hand. */
export function RequestHelpItem() {
  const t = useTranslations("verification");
  return (
    <li>
      <Link href="/sign-in/two-factor/help" className="text-brand-700 underline">
        {t("requestHelp")}
      </Link>
    </li>
  );
}
