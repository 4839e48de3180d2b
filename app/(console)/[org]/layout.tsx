import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/shell/account-menu";
import { EmailConfirmationNotice } from "@/components/shell/email-confirmation-notice";
import { NavDisclosure, NavPanel, NavToggle } from "@/components/shell/nav-disclosure";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { Sidebar } from "@/components/shell/sidebar";
import { getSession } from "@/lib/auth/get-actor";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { BillingBanners } from "./orders/billing-banners";

export default async function ConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor, access, orgs } = await consoleContext(orgId);
  const db = getDb();
  // The session already carries the person's name and e-mail: one query fewer on every console page.
  const session = await getSession();
  const user = session!.user;
  const partnerCount = orgs.filter((o) => o.isPartner).length;
  // Remember the Organization last opened so the next sign-in lands there (ACC-6).
  if (access.via === "membership" && user.lastOrgId !== orgId) await db.user.update({ where: { id: actor.userId }, data: { lastOrgId: orgId } });
  const t = await getTranslations("app");
  // A partner's user acting in a client Organization (PRT-4) is not among its members: name it apart.
  const current =
    orgs.find((o) => o.id === orgId) ??
    { id: orgId, name: (await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } })).name, role: null };
  // PRT-4: a partner's user acting in a client says so on every page, with the way back to its clients.
  const actingFor =
    access.via === "partnership"
      ? { client: current.name, partner: (await db.partner.findUnique({ where: { orgId: access.partnerOrgId }, select: { displayName: true } }))?.displayName ?? "" }
      : null;
  const tShell = actingFor ? await getTranslations("shell") : null;
  return (
    <NavDisclosure className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:gap-4 sm:px-4">
        <NavToggle />
        <span className="hidden text-lg font-semibold text-brand-700 sm:inline">{config.providerName}</span>
        <OrgSwitcher current={current} orgs={orgs} />
        <div className="ml-auto shrink-0">
          <AccountMenu user={{ email: user.email, firstName: user.firstName, lastName: user.lastName }} />
        </div>
      </header>
      {actingFor && tShell ? (
        <div data-testid="partner-banner" className="flex flex-wrap items-center gap-3 border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-950">
          <p className="font-medium">{tShell("actingAsPartner", actingFor)}</p>
          <Link href="/reseller" className="underline">
            {tShell("backToReseller")}
          </Link>
        </div>
      ) : null}
      {user.emailVerifiedAt ? null : <EmailConfirmationNotice email={user.email} />}
      <BillingBanners orgId={orgId} actor={actor} />
      <div className="flex flex-1 flex-col md:flex-row">
        <NavPanel>
          <Sidebar orgId={orgId} showReseller={partnerCount > 0} showBackOffice={!!actor.staffRole} showMailbox={config.mailboxEnabled} access={access} />
        </NavPanel>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </NavDisclosure>
  );
}
