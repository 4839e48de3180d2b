import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/get-actor";
import { readGrantedDriveFolder } from "@/lib/backoffice/granted-content";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { StaffTwoFactorRequired } from "../../../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("content"))("drive.title") };
}

/** SUP-3: a granted drive folder, read-only, for the staff handling the request; each read is in the customer's log. */
export default async function StaffDriveFolderPage({ params }: { params: Promise<{ requestId: string; folderId: string }> }) {
  const { requestId, folderId } = await params;
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const found = await orNotFound(readGrantedDriveFolder(getDb(), actor, { requestId, folderId }), "INVALID_INPUT");
  const [t, tb, format] = await Promise.all([getTranslations("content"), getTranslations("backofficeSupport"), getFormatter()]);
  return (
    <PlainShell actor={actor}>
      <div className="max-w-5xl space-y-4">
        <Link href={`/backoffice/support/${requestId}`} className="text-sm text-brand-700 underline">
          {tb("backToRequest")}
        </Link>
        <h1 className="text-2xl font-semibold">
          {found.drive.name} / {found.folder.name}
        </h1>
        <p className="text-sm text-slate-600">{tb("readLogged")}</p>
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
      </div>
    </PlainShell>
  );
}
