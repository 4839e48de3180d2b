import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { allows } from "@/lib/access/require-access";
import { listOrganizationTokens } from "@/lib/api-tokens/list-organization-tokens";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { RevokeTokenButton } from "../../account/api-tokens/revoke-token-button";
import { ScopeList, TokenName } from "@/components/api-tokens/token-cells";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

/**
 * TOK-4, API-6: API tokens are personal (created on the account page). Here, those who oversee the
 * Organization's tokens (legal representatives) see every token that can act in it and may revoke it;
 * everyone else is pointed to their own tokens.
 */
export default async function OrganizationTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor, access } = await consoleContext(orgId, "tokens.manage");
  const oversee = allows(access, "tokens.oversee");
  const [tokens, t, format] = await Promise.all([
    oversee ? listOrganizationTokens(getDb(), actor, { orgId }) : Promise.resolve([]),
    getTranslations("apiTokens"),
    getFormatter(),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : null);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("personal")}</p>
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/account/api-tokens" className="text-brand-700 underline" data-testid="personal-tokens-link">
            {t("personalLink")}
          </Link>
          <Link href="/api-docs" className="text-brand-700 underline">
            {t("docsLink")}
          </Link>
        </p>
      </div>

      {oversee ? (
        <section aria-labelledby="tokens-overview">
          <h2 id="tokens-overview" className="text-lg font-semibold">
            {t("overviewTitle")}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("overviewIntro")}</p>
          <DataTable
            className="mt-2"
            caption={t("overviewTitle")}
            testId="tokens-table"
            rows={tokens}
            rowKey={(tok) => tok.id}
            rowTestId="token-row"
            empty={t("overviewEmpty")}
            columns={[
              {
                key: "owner",
                label: t("columns.owner"),
                cell: (tok) => (
                  <>
                    <div className="font-medium">
                      {tok.user.firstName} {tok.user.lastName}
                    </div>
                    <div className="text-xs text-slate-500">{tok.user.email}</div>
                  </>
                ),
              },
              {
                key: "name",
                label: t("columns.name"),
                cell: (tok) => <TokenName name={tok.name} displayPrefix={tok.displayPrefix} />,
              },
              {
                key: "scopes",
                label: t("columns.scopes"),
                cell: (tok) => <ScopeList scopes={tok.scopes} />,
              },
              { key: "organizations", label: t("columns.organizations"), cell: (tok) => (tok.restricted ? t("restricted") : t("unrestricted")) },
              { key: "lastUsed", label: t("columns.lastUsed"), cell: (tok) => date(tok.lastUsedAt) ?? t("never") },
              { key: "expires", label: t("columns.expires"), cell: (tok) => date(tok.expiresAt) ?? t("unlimited") },
              {
                key: "actions",
                label: t("columns.actions"),
                hiddenLabel: true,
                className: "text-right",
                cell: (tok) => <RevokeTokenButton orgId={orgId} tokenId={tok.id} name={tok.name} />,
              },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
