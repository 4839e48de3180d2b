import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
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
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tokens-table">
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.name")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.scopes")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.created")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.lastUsed")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.expires")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.status")}</th>
                  <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">{t("columns.actions")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((tok) => (
                  <tr key={tok.id} data-testid="token-row">
                    <td className="px-3 py-2">
                      <div className="font-medium">{tok.name}</div>
                      <div className="font-mono text-xs text-slate-500">{tok.displayPrefix}…</div>
                    </td>
                    <td className="px-3 py-2">
                      <ul className="flex flex-wrap gap-1">
                        {tok.scopes.map((s) => (
                          <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{s}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-3 py-2">{date(tok.createdAt)}</td>
                    <td className="px-3 py-2">{date(tok.lastUsedAt) ?? t("never")}</td>
                    <td className="px-3 py-2">{date(tok.expiresAt) ?? t("unlimited")}</td>
                    <td className="px-3 py-2" data-testid="token-status">{t(`status.${tok.status}`)}</td>
                    <td className="px-3 py-2 text-right">
                      {tok.status === "revoked" ? null : <RevokeTokenButton orgId={orgId} tokenId={tok.id} name={tok.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
