import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { dateInDays, VALIDITY_DAYS } from "@/lib/tenders/rules";
import { SubmitTenderForm } from "./submit-tender-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tenders"))("newTitle") };
}

/** TND-1: the submission form; a signed-in customer finds their name and e-mail filled in. */
export default async function NewTenderPage() {
  const [actor, locale] = await Promise.all([getActor(), getLocale()]);
  const user = actor ? await getDb().user.findUnique({ where: { id: actor.userId }, select: { firstName: true, lastName: true, email: true } }) : null;
  return (
    <SubmitTenderForm
      locale={locale}
      contactName={user ? `${user.firstName} ${user.lastName}`.trim() : ""}
      contactEmail={user?.email ?? ""}
      validity={{ min: dateInDays(VALIDITY_DAYS.min), max: dateInDays(VALIDITY_DAYS.max), default: dateInDays(VALIDITY_DAYS.default), minDays: VALIDITY_DAYS.min, maxDays: VALIDITY_DAYS.max }}
    />
  );
}
