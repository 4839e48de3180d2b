import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DriveFilesTable, DriveSubfolders } from "@/components/content/drive-views";
import { readDriveFolder } from "@/lib/content/read-drive-folder";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("drive.folderTitle") };
}

/** SUP-1: one folder of a drive — its path, subfolders and files — read-only. */
export default async function DriveFolderPage({ params }: { params: Promise<{ org: string; folderId: string }> }) {
  const { org: orgId, folderId } = await params;
  const { actor } = await consoleContext(orgId, "content.drive.read");
  const found = await orNotFound(readDriveFolder(getDb(), actor, { orgId, folderId }), "INVALID_INPUT");
  const t = await getTranslations("content");
  return (
    <div className="max-w-5xl space-y-4">
      <nav aria-label={t("drive.path")} className="text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href={`/${orgId}/drive`} className="text-brand-700 underline">
              {found.drive.name}
            </Link>
          </li>
          {found.path.map((p) => (
            <li key={p.id}>
              / <Link href={`/${orgId}/drive/${p.id}`} className="text-brand-700 underline">{p.name}</Link>
            </li>
          ))}
          <li aria-current="page">/ {found.folder.name}</li>
        </ol>
      </nav>
      <h1 className="text-2xl font-semibold">{found.folder.name}</h1>
      <DriveSubfolders folders={found.folders} href={(f) => `/${orgId}/drive/${f.id}`} showCounts />
      <DriveFilesTable files={found.files} showSize />
    </div>
  );
}
