import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";

type Subfolder = { id: string; name: string; fileCount?: number };
type File = { id: string; name: string; mimeType: string; updatedAt: Date; sizeBytes?: number };

/** SUP-1, SUP-3: a folder's subfolders, each a link (`href`); with their file counts when `showCounts`. */
export async function DriveSubfolders({ folders, href, showCounts = false }: { folders: Subfolder[]; href: (f: Subfolder) => string; showCounts?: boolean }) {
  if (folders.length === 0) return null;
  const t = await getTranslations("content");
  return (
    <ul className="list-disc space-y-1 pl-5" aria-label={t("drive.subfolders")}>
      {folders.map((f) => (
        <li key={f.id}>
          <Link href={href(f)} className="text-brand-700 underline">
            {f.name}
          </Link>
          {showCounts ? (
            <>
              {" "}
              <span className="text-sm text-slate-600">({t("drive.fileCount", { count: f.fileCount ?? 0 })})</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** SUP-1, SUP-3: a folder's files, read-only; the size column when `showSize`. */
export async function DriveFilesTable({ files, showSize = false }: { files: File[]; showSize?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("content"), getFormatter()]);
  return (
    <DataTable
      caption={t("drive.files")}
      rows={files}
      rowKey={(f) => f.id}
      rowTestId="drive-file"
      empty={t("drive.noFiles")}
      columns={[
        { key: "name", label: t("drive.fileName"), rowHeader: true, cell: (f) => f.name },
        { key: "type", label: t("drive.fileType"), cell: (f) => f.mimeType },
        ...(showSize ? [{ key: "size", label: t("drive.fileSize"), cell: (f: File) => format.number((f.sizeBytes ?? 0) / 1024, { maximumFractionDigits: 1 }) + " kB" }] : []),
        { key: "updated", label: t("drive.updated"), cell: (f) => format.dateTime(f.updatedAt, { dateStyle: "medium" }) },
      ]}
    />
  );
}
