import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { readGrantedDriveFolder } from "@/lib/backoffice/granted-content";
import { GrantedFrame, loadGranted } from "../../granted-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("drive.title") };
}

/** SUP-3: a granted drive folder, read-only, for the staff handling the request; each read is in the customer's log. */
export default async function StaffDriveFolderPage({ params }: { params: Promise<{ requestId: string; folderId: string }> }) {
  const { requestId, folderId } = await params;
  const view = await loadGranted((db, actor) => readGrantedDriveFolder(db, actor, { requestId, folderId }));
  if (!view.ok) return view.gate;
  const { actor, found } = view;
  const [t, format] = await Promise.all([getTranslations("content"), getFormatter()]);
  return (
    <GrantedFrame actor={actor} requestId={requestId} title={`${found.drive.name} / ${found.folder.name}`}>
      {found.folders.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5" aria-label={t("drive.subfolders")}>
          {found.folders.map((f) => (
            <li key={f.id}>
              <Link href={`/backoffice/support/${requestId}/drive/${f.id}`} className="text-brand-700 underline">
                {f.name}
              </Link>
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
          { key: "updated", label: t("drive.updated"), cell: (f) => format.dateTime(f.updatedAt, { dateStyle: "medium" }) },
        ]}
      />
    </GrantedFrame>
  );
}
