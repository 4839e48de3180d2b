import type { Metadata } from "next";
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

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.next);
  if (await getActor()) redirect(returnTo ?? "/");
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : "";
  const reset = params.reset === "1";
  const remembered = readRememberedAccounts((await cookies()).get(REMEMBERED_COOKIE)?.value);
  return <SignInForm initialEmail={email} remembered={remembered} passwordWasReset={reset} returnTo={returnTo} />;
}
