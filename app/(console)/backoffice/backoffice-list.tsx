import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable, type DataTableProps } from "@/components/ui/data-table";
import { requireActor, type UserActor } from "@/lib/auth/get-actor";

/** The signed-in member of staff, or the 404 page for anyone else (the back office does not exist for them). */
export async function requireStaffActor(): Promise<UserActor> {
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  return actor;
}

/**
 * SUP-4: the scaffolding the back office's list pages share (support queue, active grants, identity
 * checks): the way back to the back office, the title (which is also the table's caption), an optional
 * subtitle, and one DataTable.
 */
export function BackofficeList<T>({ actor, title, subtitle, backLabel, table }: { actor: UserActor; title: string; subtitle?: string; backLabel: string; table: Omit<DataTableProps<T>, "caption"> }) {
  return (
    <PlainShell actor={actor}>
      <div className="space-y-4">
        <Link href="/backoffice" className="text-sm text-brand-700 underline">
          {backLabel}
        </Link>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {subtitle ? <p className="text-sm text-slate-600">{subtitle}</p> : null}
        <DataTable caption={title} {...table} />
      </div>
    </PlainShell>
  );
}
