import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/access/permissions";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { listTags } from "@/lib/tags/list-tags";
import { TagsManager } from "./tags-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tags"))("title") };
}

/** TAG-3: every tag of the Organization with its product count; rename/recolour, delete, add. */
export default async function TagsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor, access } = await consoleContext(orgId, "tags.read");
  const [tags, t] = await Promise.all([listTags(getDb(), actor, { orgId }), getTranslations("tags")]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <TagsManager orgId={orgId} tags={tags} canManage={can(access.role, "tags.manage")} />
    </div>
  );
}
