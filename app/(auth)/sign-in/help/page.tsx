import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { IdentityHelpForm } from "./identity-help-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.identityHelp"))("title") };
}

/** SEC-5: a reason this refuses (a NUL, unknown) starts with the forgotten password, with a notice. */
const querySchema = z.object({ reason: z.enum(["FORGOTTEN_LOGIN", "FORGOTTEN_PASSWORD"]).optional() });

/**
 * IDV-1: the sign-in page's help for "I forgot my password and can no longer reach my login e-mail" and
 * "I forgot my login e-mail": both lead to an identity verification whose link goes to an address the
 * person can read now.
 */
export default async function IdentityHelpPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const {
    query: { reason },
    invalid,
  } = parsePageQuery(querySchema, await searchParams);
  const [t, tv] = await Promise.all([getTranslations("auth.identityHelp"), getTranslations("verification")]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <QueryNotice invalid={invalid} />
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{tv("helpStepPhone")}</li>
        <li>{tv("helpStepDocument")}</li>
        <li>{tv("helpStepReview")}</li>
      </ol>
      <p className="text-sm text-slate-600">{tv("privacy")}</p>
      <IdentityHelpForm initialReason={reason ?? "FORGOTTEN_PASSWORD"} />
      <Link href="/sign-in" className="block text-sm text-brand-700 underline">
        {t("backToSignIn")}
      </Link>
    </div>
  );
}
