import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { getProduct } from "@/lib/products/get-product";
import { listTagOptions } from "@/lib/tags/list-tags";
import { TagCell } from "../tag-cell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("detailTitle") };
}

async function load(orgId: string, productId: string) {
  const { actor } = await consoleContext(orgId, "products.read");
  // Another Organization's product, one the user has no access to (PRD-3) or a malformed id: the 404 page.
  return { actor, product: await orNotFound(getProduct(getDb(), actor, { orgId, productId }), "INVALID_INPUT") };
}

const fullName = (u: { firstName: string | null; lastName: string | null; email: string }) => [u.firstName, u.lastName].filter(Boolean).join(" ") || u.email;

export default async function ProductPage({ params }: { params: Promise<{ org: string; productId: string }> }) {
  const { org: orgId, productId } = await params;
  const { actor, product } = await load(orgId, productId);
  const [t, format, locale, tagOptions] = await Promise.all([getTranslations(), getFormatter(), getLocale(), listTagOptions(getDb(), actor, { orgId })]);
  const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  const dt = "text-sm text-slate-600";
  const dd = "text-sm font-medium";
  const { parties } = product;

  return (
    <div className="space-y-6">
      <nav aria-label={t("products.breadcrumb")} className="text-sm">
        <Link href={`/${orgId}/products`} className="text-brand-700 underline">{t("products.backToList")}</Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold">{product.name}</h1>
        <p className="text-sm text-slate-600">{t(`categories.${product.category}` as "categories.domain")} · {t(`products.status.${product.status}`)}</p>
      </div>
      {product.status === "BLOCKED" ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="product-suspended">
          {t("orders.banner.productSuspended")}{" "}
          {product.unpaidInvoice ? (
            <Link href={`/${orgId}/invoices/${product.unpaidInvoice.id}`} className="font-semibold underline">
              {t("orders.banner.payInvoice", { number: product.unpaidInvoice.number })}
            </Link>
          ) : null}
        </p>
      ) : null}
      {product.canChange ? null : (
        <p role="note" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="read-only-note">
          {t("products.readOnlyNote")}
        </p>
      )}

      <section className={card} aria-labelledby="product-details">
        <h2 id="product-details" className="text-base font-semibold">{t("products.details")}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className={dt}>{t("products.columns.expiry")}</dt>
          <dd className={dd}>{format.dateTime(product.expiresAt, { dateStyle: "long" })}</dd>
          <dt className={dt}>{t("products.columns.renewal")}</dt>
          <dd className={dd}>{t("products.renewalMonths", { months: product.renewalPeriodMonths })}</dd>
          <dt className={dt}>{t("products.price")}</dt>
          <dd className={dd}>{formatMoney(product.priceMinor, product.currency, locale)}</dd>
          <dt className={dt}>{t("products.columns.autoRenew")}</dt>
          <dd className={dd}>{product.autoRenew ? t("products.yes") : t("products.no")}</dd>
        </dl>
      </section>

      <section className={card} aria-labelledby="product-parties" data-testid="product-parties">
        <h2 id="product-parties" className="text-base font-semibold">{t("products.partiesTitle")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("products.partiesExplanation")}</p>
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          <div className="rounded-md border border-slate-200 p-3">
            <dt className={dt}>{t("products.holder")}</dt>
            <dd className={dd}>{parties.holder.name}</dd>
            {parties.holder.email ? <dd className="text-sm text-slate-600">{parties.holder.email}</dd> : null}
            <dd className="mt-1 text-xs text-slate-500">{t("products.holderHelp")}</dd>
          </div>
          <div className="rounded-md border border-slate-200 p-3">
            <dt className={dt}>{t("products.manager")}</dt>
            <dd className={dd}>{parties.manager.name}</dd>
            <dd className="mt-1 text-xs text-slate-500">{t("products.managerHelp")}</dd>
          </div>
          <div className="rounded-md border border-slate-200 p-3">
            <dt className={dt}>{t("products.payer")}</dt>
            <dd className={dd}>{parties.payer.name}</dd>
            <dd className="mt-1 text-xs text-slate-500">{parties.payerIsManager ? t("products.payerIsManager") : t("products.payerHelp")}</dd>
          </div>
        </dl>
        <div role="note" className="mt-3 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
          <p className="font-medium">{t("products.checkDetailsTitle")}</p>
          <p>{t("products.checkDetails")}</p>
          <ul className="mt-1 list-disc pl-5">
            <li>{t("products.checkProfile")}</li>
            <li><Link href={`/${orgId}/organization`} className="underline">{t("products.checkOrganization")}</Link></li>
            <li>{t("products.checkHolder")}</li>
          </ul>
        </div>
      </section>

      <section className={card} aria-labelledby="product-tags">
        <h2 id="product-tags" className="text-base font-semibold">{t("products.columns.tags")}</h2>
        <div className="mt-2">
          {product.tags.length === 0 && !product.canTag ? <p className="text-sm text-slate-600">{t("products.noTags")}</p> : null}
          <TagCell orgId={orgId} productId={product.id} productName={product.name} tags={product.tags} tagOptions={{ tags: tagOptions.tags, complete: tagOptions.complete }} canTag={product.canTag} />
        </div>
      </section>

      {product.access ? (
        <section className={card} aria-labelledby="product-access">
          <h2 id="product-access" className="text-base font-semibold">{t("products.accessTitle")}</h2>
          <h3 className="mt-3 text-sm font-medium text-slate-700">{t("products.accessByRole")}</h3>
          <ul className="mt-1 text-sm">
            {product.access.byRole.map((m) => (
              <li key={m.membershipId}>{fullName(m.user)} <span className="text-slate-500">· {t(`roles.${m.role}`)}</span></li>
            ))}
          </ul>
          <h3 className="mt-3 text-sm font-medium text-slate-700">{t("products.accessUsers")}</h3>
          {product.access.users.length === 0 ? <p className="text-sm text-slate-600">{t("products.noneGranted")}</p> : (
            <ul className="mt-1 text-sm">
              {product.access.users.map((g) => (
                <li key={g.id}>{fullName(g.user)} <span className="text-slate-500">· {t(`roles.${g.role}`)} · {t(`products.level.${g.level}`)}</span></li>
              ))}
            </ul>
          )}
          <h3 className="mt-3 text-sm font-medium text-slate-700">{t("products.accessTeams")}</h3>
          {product.access.teams.length === 0 ? <p className="text-sm text-slate-600">{t("products.noneGranted")}</p> : (
            <ul className="mt-1 text-sm">
              {product.access.teams.map((g) => (
                <li key={g.id}>{g.team.name} <span className="text-slate-500">· {t(`products.level.${g.level}`)}</span></li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
