import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { SCOPE_RESOURCES } from "@/lib/api-tokens/scopes";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import { ScopeList, TokenName } from "@/components/api-tokens/token-cells";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

/** TOK-1…TOK-4: the person's API tokens (acting in all or some of their Organizations), and a form to create one. */
export default async function ApiTokensPage() {
  const actor = await requireActor();
  const [{ tokens, grantableScopes, organizations }, t, format] = await Promise.all([
    listApiTokens(getDb(), actor),
    getTranslations("apiTokens"),
    getFormatter(),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : null);
  const groups = SCOPE_RESOURCES.map((resource) => ({
    resource,
    scopes: grantableScopes.filter((s) => s.startsWith(`${resource}:`)),
  })).filter((g) => g.scopes.length);
  return (
    <PlainShell actor={actor}>
      <div className="max-w-5xl space-y-8">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
          <p className="mt-1 text-sm">
            <Link href="/api-docs" className="text-brand-700 underline">
              {t("docsLink")}
            </Link>
          </p>
        </div>

        <section aria-labelledby="tokens-list">
          <h2 id="tokens-list" className="text-lg font-semibold">
            {t("listTitle")}
          </h2>
          <DataTable
            className="mt-2"
            caption={t("listTitle")}
            testId="tokens-table"
            rows={tokens}
            rowKey={(tok) => tok.id}
            rowTestId="token-row"
            empty={t("empty")}
            columns={[
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
              {
                key: "organizations",
                label: t("columns.organizations"),
                cell: (tok) =>
                  tok.organizations.length ? tok.organizations.map((o) => o.name).join(", ") : t("allOrganizations"),
              },
              { key: "created", label: t("columns.created"), cell: (tok) => date(tok.createdAt) },
              { key: "lastUsed", label: t("columns.lastUsed"), cell: (tok) => date(tok.lastUsedAt) ?? t("never") },
              { key: "expires", label: t("columns.expires"), cell: (tok) => date(tok.expiresAt) ?? t("unlimited") },
              { key: "status", label: t("columns.status"), testId: "token-status", cell: (tok) => t(`status.${tok.status}`) },
              {
                key: "actions",
                label: t("columns.actions"),
                hiddenLabel: true,
                className: "text-right",
                cell: (tok) => (tok.status === "revoked" ? null : <RevokeTokenButton tokenId={tok.id} name={tok.name} />),
              },
            ]}
          />
        </section>

        <section aria-labelledby="tokens-create" className="max-w-2xl">
          <h2 id="tokens-create" className="text-lg font-semibold">
            {t("createTitle")}
          </h2>
          <CreateTokenForm groups={groups} organizations={organizations} />
        </section>
      </div>
    </PlainShell>
  );
}
