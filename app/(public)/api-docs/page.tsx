import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "@/components/language-picker";
import { openApiDocument } from "@/lib/http/openapi";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

type Schema = { type?: string | string[]; enum?: unknown[]; default?: unknown; maximum?: number; minimum?: number; maxLength?: number; description?: string; properties?: Record<string, Schema>; required?: string[]; anyOf?: Schema[] };
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  summary: string;
  description?: string;
  "x-scope": string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string }>;
};

function typeOf(s: Schema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  const base = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  const limits = [s.minimum !== undefined ? `≥ ${s.minimum}` : null, s.maximum !== undefined ? `≤ ${s.maximum}` : null, s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : null].filter(Boolean);
  return limits.length ? `${base} (${limits.join(", ")})` : base;
}

/** API-3: a readable rendering of the generated OpenAPI document (the same one served as JSON). */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const th = "px-2 py-1 text-left font-medium text-slate-600";
  const td = "px-2 py-1 align-top";
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-6 py-8">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LanguagePicker />
      </header>
      <section aria-labelledby="docs-basics" className="space-y-2 text-sm">
        <h2 id="docs-basics" className="text-lg font-semibold">{t("basicsTitle")}</h2>
        <p>{t("auth")}</p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-slate-100">curl -H &quot;Authorization: Bearer mgr_…&quot; {`${doc.servers[0].url}/accounts/current`}</pre>
        <p>{t("envelope")}</p>
        <p>{t("versions")}</p>
        <p>{t("paging")}</p>
        <p>{t("rateLimit")}</p>
        <p>
          <a href={`${doc.servers[0].url}/openapi.json`} className="text-brand-700 underline">
            {t("openapiLink")}
          </a>
        </p>
      </section>
      <section aria-labelledby="docs-endpoints" className="space-y-6">
        <h2 id="docs-endpoints" className="text-lg font-semibold">{t("endpointsTitle")}</h2>
        {Object.entries(paths).flatMap(([path, ops]) =>
          Object.entries(ops).map(([method, op]) => {
            const body = op.requestBody?.content["application/json"].schema;
            const bodyFields = body?.properties ? Object.entries(body.properties) : [];
            const variants = body?.anyOf ?? [];
            return (
              <article key={`${method} ${path}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`op-${method}-${path}`}>
                <h3 id={`op-${method}-${path}`} className="font-mono text-base">
                  <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 text-xs font-semibold text-white">{method.toUpperCase()}</span>
                  {path}
                </h3>
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
                        <th scope="col" className={th}>{t("name")}</th>
                        <th scope="col" className={th}>{t("in")}</th>
                        <th scope="col" className={th}>{t("type")}</th>
                        <th scope="col" className={th}>{t("description")}</th>
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
                      <ul key={i} className="mt-1 list-disc pl-5">
                        {Object.entries(variant.properties ?? {}).map(([name, s]) => (
                          <li key={name}>
                            <code>{name}</code>
                            {variant.required?.includes(name) ? " *" : ""} — <code className="text-xs">{typeOf(s)}</code> {s.description ?? ""}
                          </li>
                        ))}
                      </ul>
                    ))}
                    {!bodyFields.length && variants.length > 1 ? <p className="text-xs text-slate-600">{t("oneOf")}</p> : null}
                  </div>
                ) : null}
                <table className="mt-3 w-full text-sm">
                  <caption className="text-left text-sm font-medium">{t("responses")}</caption>
                  <tbody>
                    {Object.entries(op.responses).map(([code, r]) => (
                      <tr key={code} className="border-t border-slate-100">
                        <th scope="row" className={`${td} w-16 text-left font-mono`}>{code}</th>
                        <td className={td}>{r.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </article>
            );
          }),
        )}
      </section>
    </div>
  );
}
