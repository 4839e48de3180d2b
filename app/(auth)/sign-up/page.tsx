import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { COUNTRIES, EU_COUNTRIES } from "@/lib/accounts/countries";
import { getActor } from "@/lib/auth/get-actor";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage() {
  if (await getActor()) redirect("/");
  const locale = await getLocale();
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const countries = COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
  return <SignUpForm countries={countries} euCountries={[...EU_COUNTRIES]} locale={locale} />;
}
