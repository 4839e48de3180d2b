import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DriveFilesTable, DriveSubfolders } from "@/components/content/drive-views";
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
  return (
    <GrantedFrame actor={actor} requestId={requestId} title={`${found.drive.name} / ${found.folder.name}`}>
      <DriveSubfolders folders={found.folders} href={(f) => `/backoffice/support/${requestId}/drive/${f.id}`} />
      <DriveFilesTable files={found.files} />
    </GrantedFrame>
  );
}
