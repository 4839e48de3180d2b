import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { maskPhoneNumber } from "@/lib/sms/phone-number";
import { TwoFactorForm } from "./two-factor-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}

/** 2FA-1 / 2FA-3: the second sign-in step, only for a session whose password was right and that waits for it. */
export default async function TwoFactorPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  if (session.twoFactorPassed) redirect("/");
  const methods = await getDb().twoFactorMethod.findMany({
    where: { userId: session.userId, confirmedAt: { not: null } },
    orderBy: [{ isDefault: "desc" }, { confirmedAt: "asc" }],
    select: { id: true, type: true, label: true, phone: true },
  });
  // The full number never reaches the browser, only its masked form.
  return <TwoFactorForm methods={methods.map((m) => ({ id: m.id, type: m.type, label: m.label, maskedPhone: m.phone ? maskPhoneNumber(m.phone) : null }))} />;
}
