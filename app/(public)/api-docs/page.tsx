import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "@/components/language-picker";
import { openApiDocument } from "@/lib/http/openapi";
import { SchemaFields, typeOf, type Schema } from "./schema-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Answer = { description: string; content?: { "application/json": { schema: Schema } } };
type Operation = {
  summary: string;
  description?: string;
  tags: string[];
  "x-scope": string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, Answer | { $ref: string }>;
};

/** API-3: a readable rendering of the generated OpenAPI document (the same one served as JSON). */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const shared = doc.components.responses as Record<string, Answer>;
  const answer = (r: Answer | { $ref: string }): Answer => ("$ref" in r ? shared[r.$ref.split("/").pop() ?? ""] : r);
  const operations = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );
  const resources = [...new Set(operations.map((o) => o.op.tags[0]))];
  const th = "px-2 py-1 text-left font-medium text-slate-600";
  const td = "px-2 py-1 align-top";
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-6 py-8">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LanguagePicker />
      </header>
      <section aria-labelledby="docs-basics" className="space-y-2 text-sm">
        <h2 id="docs-basics" className="text-lg font-semibold">
          {t("basicsTitle")}
        </h2>
        <p>{t("auth")}</p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-slate-100">
          curl -H &quot;Authorization: Bearer mgr_…&quot; {`${doc.servers[0].url}/1/accounts`}
        </pre>
        <p>{t("envelope")}</p>
        <p>{t("statuses")}</p>
        <p>{t("versions")}</p>
        <p>{t("paging")}</p>
        <p>{t("rateLimit")}</p>
        <p>
          <a href={`${doc.servers[0].url}/1/openapi.json`} className="text-brand-700 underline">
            {t("openapiLink")}
          </a>
        </p>
      </section>
      <nav aria-label={t("resources")} className="text-sm">
        <ul className="flex flex-wrap gap-3">
          {resources.map((r) => (
            <li key={r}>
              <a href={`#resource-${r}`} className="text-brand-700 font-mono underline">
                /{r}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="docs-endpoints" className="space-y-6">
        <h2 id="docs-endpoints" className="text-lg font-semibold">
          {t("endpointsTitle")}
        </h2>
        {resources.map((resource) => (
          <section key={resource} aria-labelledby={`resource-${resource}`} className="space-y-4">
            <h3 id={`resource-${resource}`} className="font-mono text-base font-semibold">
              /{resource}
            </h3>
            {operations
              .filter((o) => o.op.tags[0] === resource)
              .map(({ path, method, op }) => {
                const body = op.requestBody?.content["application/json"].schema;
                const bodyFields = body?.properties ? Object.entries(body.properties) : [];
                const variants = body?.anyOf ?? [];
                const [successCode, success] = Object.entries(op.responses).map(([code, r]) => [code, answer(r)] as const)[0];
                const data = success.content?.["application/json"]?.schema.properties?.data;
                return (
                  <article
                    key={`${method} ${path}`}
                    className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                    aria-labelledby={`op-${method}-${path}`}
                  >
                    <h4 id={`op-${method}-${path}`} className="font-mono text-base">
                      <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 text-xs font-semibold text-white">
                        {method.toUpperCase()}
                      </span>
                      {path}
                      {op.deprecated ? (
                        <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                          {t("deprecated")}
                        </span>
                      ) : null}
                    </h4>
                    <p className="mt-1 text-sm">{op.summary}</p>
                    {op.description ? <p className="mt-1 text-sm text-slate-600">{op.description}</p> : null}
                    <p className="mt-2 text-sm">
                      {t("scope")} <code className="rounded bg-slate-100 px-1">{op["x-scope"]}</code>
                    </p>
                    {op.parameters?.length ? (
                      <table className="mt-3 w-full text-sm">
                        <caption className="text-left text-sm font-medium">{t("parameters")}</caption>
                        <thead>
                          <tr>
                            <th scope="col" className={th}>
                              {t("name")}
                            </th>
                            <th scope="col" className={th}>
                              {t("in")}
                            </th>
                            <th scope="col" className={th}>
                              {t("type")}
                            </th>
                            <th scope="col" className={th}>
                              {t("description")}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {op.parameters.map((p) => (
                            <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100">
                              <td className={`${td} font-mono`}>
                                {p.name}
                                {p.required ? " *" : ""}
                              </td>
                              <td className={td}>{p.in === "path" ? t("inPath") : t("inQuery")}</td>
                              <td className={`${td} font-mono text-xs`}>
                                {typeOf(p.schema)}
                                {p.schema.default !== undefined ? ` = ${JSON.stringify(p.schema.default)}` : ""}
                              </td>
                              <td className={td}>{p.description ?? ""}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : null}
                    {body ? (
                      <div className="mt-3 text-sm">
                        <p className="font-medium">{t("body")}</p>
                        {[...(bodyFields.length ? [body] : variants)].map((variant, i) => (
                          <SchemaFields key={i} schema={variant} />
                        ))}
                        {!bodyFields.length && variants.length > 1 ? (
                          <p className="text-xs text-slate-600">{t("oneOf")}</p>
                        ) : null}
                      </div>
                    ) : null}
                    <div className="mt-3 text-sm">
                      <p className="font-medium">
                        {t("answer")} <span className="font-mono">{successCode}</span>
                      </p>
                      {!data ? (
                        <p className="text-slate-600">{t("noContent")}</p>
                      ) : data.items ? (
                        <>
                          <p className="text-slate-600">{t("listOf")}</p>
                          <SchemaFields schema={data.items} />
                        </>
                      ) : (
                        <SchemaFields schema={data} />
                      )}
                    </div>
                    <table className="mt-3 w-full text-sm">
                      <caption className="text-left text-sm font-medium">{t("responses")}</caption>
                      <tbody>
                        {Object.entries(op.responses).map(([code, r]) => (
                          <tr key={code} className="border-t border-slate-100">
                            <th scope="row" className={`${td} w-16 text-left font-mono`}>
                              {code}
                            </th>
                            <td className={td}>{answer(r).description}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </article>
                );
              })}
          </section>
        ))}
      </section>
    </div>
  );
}
