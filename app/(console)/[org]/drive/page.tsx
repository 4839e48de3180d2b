import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { listDrives } from "@/lib/content/list-drives";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("drive.title") };
}

/** SUP-1: the Organization's drives and the folders at their root, read-only. */
export default async function DrivePage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId, "content.drive.read");
  const [drives, t] = await Promise.all([listDrives(getDb(), actor, { orgId }), getTranslations("content")]);
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("drive.title")}</h1>
        <p className="text-sm text-slate-600">{t("drive.subtitle")}</p>
      </div>
      {drives.length === 0 ? <p className="text-sm text-slate-600">{t("drive.empty")}</p> : null}
      {drives.map((drive) => (
        <section key={drive.id} aria-labelledby={`drive-${drive.id}`} className="space-y-2" data-testid="drive">
          <h2 id={`drive-${drive.id}`} className="text-lg font-semibold">
            {drive.name}
          </h2>
          {drive.folders.length === 0 ? (
            <p className="text-sm text-slate-600">{t("drive.noFolders")}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {drive.folders.map((f) => (
                <li key={f.id}>
                  <Link href={`/${orgId}/drive/${f.id}`} className="text-brand-700 underline">
                    {f.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
