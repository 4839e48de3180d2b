import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { allows, type OrgAccess } from "@/lib/access/require-access";
import { CONTENT_ACTION } from "@/lib/content/content-products";
import { ShellCache, shellKey } from "@/lib/shell/shell-cache";

type SidebarProps = { orgId: string; showReseller: boolean; showBackOffice: boolean; showMailbox: boolean; access?: OrgAccess };

const drawn = new ShellCache<ReactNode>();

/**
 * The navigation, drawn once per language, Organization, access and links shown, then reused: it is made
 * of nothing else, so two people with the same access to the same Organization get the same markup.
 */
export async function Sidebar(props: SidebarProps) {
  const { orgId, showReseller, showBackOffice, showMailbox, access } = props;
  const key = shellKey(await getLocale(), orgId, showReseller, showBackOffice, showMailbox, access ? [access.via, [...access.actions].sort()] : null);
  return drawn.get(key, () => drawSidebar(props));
}

async function drawSidebar({ orgId, showReseller, showBackOffice, showMailbox, access }: SidebarProps) {
  const t = await getTranslations("shell");
  const tUsers = await getTranslations("users");
  const tProducts = await getTranslations("products");
  const tTags = await getTranslations("tags");
  const tTeams = await getTranslations("teams");
  const tActivity = await getTranslations("activity");
  const tApiTokens = await getTranslations("apiTokens");
  const tBilling = await getTranslations("billing");
  const tPayments = await getTranslations("payments");
  const tPartners = await getTranslations("partnerships");
  const tOrders = await getTranslations("orders");
  const tPrepaid = await getTranslations("prepaid");
  const link = "block rounded px-3 py-2 text-sm hover:bg-slate-200";
  return (
    <nav aria-label={t("mainNavigation")} className="p-3">
      <ul className="space-y-1">
        <li>
          <Link href={`/${orgId}/dashboard`} className={link}>
            {t("dashboard")}
          </Link>
        </li>
        <li>
          <Link href={`/${orgId}/organization`} className={link}>
            {t("organization")}
          </Link>
        </li>
        {access && allows(access, "products.read") ? (
          <li>
            <Link href={`/${orgId}/products`} className={link}>
              {tProducts("title")}
            </Link>
          </li>
        ) : null}
        {access
          ? (["mail", "drive", "chat"] as const)
              .filter((kind) => allows(access, CONTENT_ACTION[kind]))
              .map((kind) => (
                <li key={kind}>
                  <Link href={`/${orgId}/${kind}`} className={link}>
                    {t(kind)}
                  </Link>
                </li>
              ))
          : null}
        {access && allows(access, "tags.read") ? (
          <li>
            <Link href={`/${orgId}/tags`} className={link}>
              {tTags("title")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "billing.order") ? (
          <li>
            <Link href={`/${orgId}/payments`} className={link}>
              {tPayments("title")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "billing.read") ? (
          <li>
            <Link href={`/${orgId}/payments/prepaid`} className={link}>
              {tPrepaid("title")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "billing.read") ? (
          <li>
            <Link href={`/${orgId}/invoices`} className={link}>
              {tBilling("invoicesTitle")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "billing.read") ? (
          <li>
            <Link href={`/${orgId}/orders`} className={link}>
              {tOrders("title")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "users.read") ? (
          <li>
            <Link href={`/${orgId}/users`} className={link}>
              {tUsers("title")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "teams.read") ? (
          <li>
            <Link href={`/${orgId}/teams`} className={link}>
              {tTeams("title")}
            </Link>
          </li>
        ) : null}
        {access && access.via === "membership" && allows(access, "partners.read") ? (
          <li>
            <Link href={`/${orgId}/partners`} className={link}>
              {tPartners("title")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "tokens.manage") ? (
          <li>
            <Link href={`/${orgId}/api-tokens`} className={link}>
              {tApiTokens("title")}
            </Link>
          </li>
        ) : null}
        {access && access.via === "membership" && allows(access, "support.request") ? (
          <li>
            <Link href={`/${orgId}/support`} className={link}>
              {t("support")}
            </Link>
          </li>
        ) : null}
        {access && allows(access, "audit.read") ? (
          <li>
            <Link href={`/${orgId}/activity`} className={link}>
              {tActivity("title")}
            </Link>
          </li>
        ) : null}
        {access?.via === "membership" ? (
          <li>
            <Link href={`/${orgId}/partner-programme`} className={link}>
              {t("partnerProgramme")}
            </Link>
          </li>
        ) : null}
      </ul>
      {showReseller || showBackOffice || showMailbox ? <hr className="my-3 border-slate-300" /> : null}
      <ul className="space-y-1">
        {showReseller ? (
          <li>
            <Link href="/reseller" className={link}>
              {t("resellerArea")}
            </Link>
          </li>
        ) : null}
        {showBackOffice ? (
          <li>
            <Link href="/backoffice" className={link}>
              {t("backOffice")}
            </Link>
          </li>
        ) : null}
        {showMailbox ? (
          <li>
            <Link href="/mailbox" className={link}>
              {t("mailbox")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
