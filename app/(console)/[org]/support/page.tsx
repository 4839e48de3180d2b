import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { listSupportRequests } from "@/lib/support-requests/list-requests";
import { supportProductChoices } from "@/lib/support-requests/product-choices";
import { MAX_SCREENSHOT_BYTES, MAX_SCREENSHOTS } from "@/lib/support-requests/rules";
import { SupportForm } from "./support-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("title") };
}

/** SUP-4 (customer side): the member's support requests, and a new one with the guide's advice. */
export default async function SupportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId, "support.request");
  const db = getDb();
  const [requests, products, t, format] = await Promise.all([
    listSupportRequests(db, actor, { orgId }),
    supportProductChoices(db, actor, orgId),
    getTranslations("support"),
    getFormatter(),
  ]);
  return (
    <div className="max-w-5xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <DataTable
        caption={t("myRequests")}
        rows={requests}
        rowKey={(r) => r.id}
        rowTestId="support-request-row"
        empty={t("noRequests")}
        columns={[
          {
            key: "subject",
            label: t("columns.subject"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/${orgId}/support/${r.id}`} className="text-brand-700 underline">
                {r.subject}
              </Link>
            ),
          },
          { key: "product", label: t("columns.product"), cell: (r) => r.product?.name ?? "—" },
          { key: "requester", label: t("columns.requester"), cell: (r) => `${r.requester.firstName} ${r.requester.lastName}` },
          { key: "status", label: t("columns.status"), cell: (r) => t(`statuses.${r.status}`) },
          { key: "opened", label: t("columns.opened"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
        ]}
      />
      <Section id="new-request" title={t("newRequest")}>
        <div className="space-y-2 rounded border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="support-advice">
          <h3 className="font-semibold">{t("advice.title")}</h3>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t("advice.details")}</li>
            <li>{t("advice.errorText")}</li>
            <li>{t("advice.screenshots", { count: MAX_SCREENSHOTS, size: Math.round(MAX_SCREENSHOT_BYTES / 1024 / 1024) })}</li>
            <li>{t("advice.howTo")}</li>
            <li>
              {t("advice.access")}{" "}
              <Link href="/account/support-access" className="text-brand-700 underline">
                {t("advice.accessLink")}
              </Link>
            </li>
          </ul>
        </div>
        <SupportForm orgId={orgId} products={products} />
      </Section>
    </div>
  );
}
