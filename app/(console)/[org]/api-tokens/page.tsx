import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { SCOPE_RESOURCES } from "@/lib/api-tokens/scopes";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

/** TOK-1…TOK-4: the actor's API tokens for this Organization, and a form to create one. */
export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId, "tokens.manage");
  const [{ tokens, grantableScopes }, t, format] = await Promise.all([listApiTokens(getDb(), actor, { orgId }), getTranslations("apiTokens"), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : null);
  const groups = SCOPE_RESOURCES.map((resource) => ({
    resource,
    scopes: grantableScopes.filter((s) => s.startsWith(`${resource}:`)),
  })).filter((g) => g.scopes.length);
  return (
    <div className="space-y-8">
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
              cell: (tok) => (
                <>
                  <div className="font-medium">{tok.name}</div>
                  <div className="font-mono text-xs text-slate-500">{tok.displayPrefix}…</div>
                </>
              ),
            },
            {
              key: "scopes",
              label: t("columns.scopes"),
              cell: (tok) => (
                <ul className="flex flex-wrap gap-1">
                  {tok.scopes.map((s) => (
                    <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
                      {s}
                    </li>
                  ))}
                </ul>
              ),
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
              cell: (tok) => (tok.status === "revoked" ? null : <RevokeTokenButton orgId={orgId} tokenId={tok.id} name={tok.name} />),
            },
          ]}
        />
      </section>

      <section aria-labelledby="tokens-create" className="max-w-2xl">
        <h2 id="tokens-create" className="text-lg font-semibold">
          {t("createTitle")}
        </h2>
        <CreateTokenForm orgId={orgId} groups={groups} />
      </section>
    </div>
  );
}
