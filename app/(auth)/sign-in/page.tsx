import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { readRememberedAccounts, REMEMBERED_COOKIE } from "@/lib/auth/remembered-accounts";
import { safeReturnPath } from "@/lib/http/return-path";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

/** SEC-5: a value this refuses (too long, a NUL, unknown) is left out, with a notice. */
const querySchema = z.object({ next: queryText(2000), email: queryText(254), reset: z.enum(["1"]).optional() });

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { query, invalid } = parsePageQuery(querySchema, await searchParams);
  const returnTo = safeReturnPath(query.next);
  if (await getActor()) redirect(returnTo ?? "/");
  const remembered = readRememberedAccounts((await cookies()).get(REMEMBERED_COOKIE)?.value);
  return (
    <>
      <QueryNotice invalid={invalid} />
      <SignInForm initialEmail={query.email ?? ""} remembered={remembered} passwordWasReset={query.reset === "1"} returnTo={returnTo} />
    </>
  );
}
