import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
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
  const [t, format] = await Promise.all([getTranslations("content"), getFormatter()]);
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
      {found.folders.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5" aria-label={t("drive.subfolders")}>
          {found.folders.map((f) => (
            <li key={f.id}>
              <Link href={`/${orgId}/drive/${f.id}`} className="text-brand-700 underline">
                {f.name}
              </Link>{" "}
              <span className="text-sm text-slate-600">({t("drive.fileCount", { count: f.fileCount })})</span>
            </li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption={t("drive.files")}
        rows={found.files}
        rowKey={(f) => f.id}
        rowTestId="drive-file"
        empty={t("drive.noFiles")}
        columns={[
          { key: "name", label: t("drive.fileName"), rowHeader: true, cell: (f) => f.name },
          { key: "type", label: t("drive.fileType"), cell: (f) => f.mimeType },
          { key: "size", label: t("drive.fileSize"), cell: (f) => format.number(f.sizeBytes / 1024, { maximumFractionDigits: 1 }) + " kB" },
          { key: "updated", label: t("drive.updated"), cell: (f) => format.dateTime(f.updatedAt, { dateStyle: "medium" }) },
        ]}
      />
    </div>
  );
}
