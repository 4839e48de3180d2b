import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { getSession, type UserActor } from "@/lib/auth/get-actor";
import { config } from "@/lib/config";
import { AccountMenu } from "./account-menu";

/** The frame of pages that belong to no single Organization (reseller area, back office, mailbox). */
export async function PlainShell({ actor, children }: { actor: UserActor | null; children: ReactNode }) {
  const t = await getTranslations();
  // The session row read for this request already carries the person's name and e-mail.
  const signedIn = actor ? (await getSession())?.user : null;
  const user = signedIn ? { email: signedIn.email, firstName: signedIn.firstName, lastName: signedIn.lastName } : null;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-2 sm:gap-4 sm:px-4">
        <Link href="/" className="text-lg font-semibold text-brand-700">
          {config.providerName}
        </Link>
        <Link href="/" className="text-sm text-slate-700 underline">
          {t("notFound.home")}
        </Link>
        <div className="ml-auto shrink-0">{user ? <AccountMenu user={user} /> : null}</div>
      </header>
      <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
        {children}
      </main>
    </div>
  );
}
