import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlainShell } from "@/components/shell/plain-shell";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { listSupportAccess } from "@/lib/support/list-support-access";
import { listProductOptions, type ProductOptionsPage } from "@/lib/products/list-product-options";
import { SCOPE_CATEGORY, SUPPORT_GRANT_DAYS, TOGGLED_SCOPES, type ToggledScope } from "@/lib/support/grant-rules";
import { RevokeSharedMail, SupportToggle } from "./support-toggle";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("supportAccess"))("title") };
}

/**
 * SUP-1 … SUP-3: per Organization the person belongs to, separate switches letting the staff who handle
 * its support requests read the content of its mail addresses, drive folders and chat discussions — each
 * for 7 days, revocable at any time — and the single e-mails shared on their own.
 */
export default async function SupportAccessPage() {
  const actor = await requireActor();
  const [orgs, t, format] = await Promise.all([listSupportAccess(getDb(), actor), getTranslations("supportAccess"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  // The first page of each content's products for the picker of a toggle that is off (the rest is fetched);
  // a role that may not list products gets no picker (the toggle then grants the whole content).
  const options = async (orgId: string, scope: ToggledScope): Promise<ProductOptionsPage | null> =>
    listProductOptions(getDb(), actor, { orgId, category: SCOPE_CATEGORY[scope] }).catch(() => null);
  const pickers = new Map(
    await Promise.all(
      orgs.flatMap((org) =>
        org.canGrant ? TOGGLED_SCOPES.filter((s) => !org.toggles[s]).map(async (s) => [`${org.orgId}:${s}`, await options(org.orgId, s)] as const) : [],
      ),
    ),
  );
  return (
    <PlainShell actor={actor}>
      <div className="max-w-3xl space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro", { days: SUPPORT_GRANT_DAYS })}</p>
        </div>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("ruleOnlyHandlers")}</li>
          <li>{t("ruleSeparate")}</li>
          <li>{t("ruleRevoke", { days: SUPPORT_GRANT_DAYS })}</li>
        </ul>
        {orgs.map((org) => (
          <Section key={org.orgId} id={`org-${org.orgId}`} title={org.orgName} testId="support-access-org">
            {org.canGrant ? (
              <div className="space-y-3">
                {TOGGLED_SCOPES.map((scope) => (
                  <SupportToggle
                    key={scope}
                    orgId={org.orgId}
                    scope={scope}
                    label={t(`scope.${scope}`)}
                    on={org.toggles[scope] !== null}
                    until={org.toggles[scope] ? when(org.toggles[scope].expiresAt) : null}
                    products={org.toggles[scope]?.products ?? []}
                    category={SCOPE_CATEGORY[scope]}
                    options={pickers.get(`${org.orgId}:${scope}`) ?? null}
                  />
                ))}
                {org.shared.length > 0 ? (
                  <div className="space-y-2">
                    <h3 className="text-sm font-semibold">{t("sharedTitle")}</h3>
                    <ul className="space-y-2">
                      {org.shared.map((s) => (
                        <li key={s.grantId} className="flex flex-wrap items-center gap-3 text-sm" data-testid="shared-mail">
                          <span>
                            {t("sharedItem", { subject: s.subject, mailbox: s.mailbox, until: when(s.expiresAt) })}
                          </span>
                          <RevokeSharedMail orgId={org.orgId} grantId={s.grantId} label={s.subject} />
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("cannotGrant")}</p>
            )}
          </Section>
        ))}
      </div>
    </PlainShell>
  );
}
