import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { inviteOptions } from "@/lib/invitations/invite-options";
import { consoleContext } from "@/lib/orgs/console-context";
import { InviteForm } from "./invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitations"))("title") };
}

/** ORG-2: one flow to add a user with their role, product access and contact preferences. */
export default async function InviteUserPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  // Members who may not invite get the 404 page, as for any page they cannot use.
  const { actor } = await consoleContext(orgId, "users.invite");
  const options = await inviteOptions(getDb(), actor, orgId);
  const t = await getTranslations("invitations");
  return (
    <div className="max-w-2xl space-y-4">
      <div>
        <Link href={`/${orgId}/users`} className="text-brand-700 text-sm underline">
          {t("backToUsers")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <InviteForm orgId={orgId} {...options} />
    </div>
  );
}
