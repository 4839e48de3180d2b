import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { getMemberPermissions } from "@/lib/members/get-member-permissions";
import { consoleContext } from "@/lib/orgs/console-context";
import { MemberPermissionsForm } from "./member-permissions-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("memberPermissions"))("title") };
}

/** ORG-5: a member's per-product access and administrative-contact preferences. */
export default async function MemberPermissionsPage({ params }: { params: Promise<{ org: string; membershipId: string }> }) {
  const { org: orgId, membershipId } = await params;
  // Partners and support hold no members.view: the 404 page, as for any page they may not open.
  const { actor } = await consoleContext(orgId, "members.view");
  const member = await orNotFound(getMemberPermissions(getDb(), actor, orgId, membershipId));
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-4">
      <div>
        <Link href={`/${orgId}/users`} className="text-brand-700 text-sm underline">
          {t("memberPermissions.backToUsers")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("memberPermissions.heading", { name: member.name })}</h1>
        <p className="text-sm text-slate-600">
          {member.email} · {t(`roles.${member.role}`)}
        </p>
      </div>
      <MemberPermissionsForm orgId={orgId} member={member} />
    </div>
  );
}
