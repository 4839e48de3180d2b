"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { SavedStatus } from "@/components/ui/saved-status";
import { useSavingAction } from "@/components/ui/use-form-action";
import { sortLink } from "@/components/ui/sort-header";
import { useSelection } from "@/components/ui/use-selection";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeRoleAction, leaveOrganizationAction, removeMembersAction } from "./actions";
import { InvitationActions } from "./invitation-actions";
import { usersHref, type UsersQuery } from "./query";

export type UserRow = {
  kind: "member" | "invitation";
  id: string;
  name: string | null;
  email: string;
  role: Role;
  teams: { id: string; name: string }[];
  lastSignInAt: Date | null;
  status: "active" | "invited";
  isSelf: boolean;
  canChangeRole: boolean;
  canRemove: boolean;
};

type Viewer = { membershipId: string; role: Role; assignableRoles: Role[]; canRemove: boolean };
type Props = { orgId: string; items: UserRow[]; viewer: Viewer; query: UsersQuery; canInvite?: boolean };

/** ORG-4/ORG-5: the users table with bulk removal, per-row role changes and leaving the Organization. */
export function UsersTable({ orgId, items, viewer, query, canInvite = false }: Props) {
  const t = useTranslations("users");
  const format = useFormatter();
  const formId = useId();
  const { selected, setSelected, clear } = useSelection();
  const [removeState, removeAction, removing] = useActionState(async (prev: Awaited<ReturnType<typeof removeMembersAction>>, fd: FormData) => {
    const result = await removeMembersAction(prev, fd);
    if (result?.ok) {
      clear();
    }
    return result;
  }, null);
  const removable = items.filter((i) => i.canRemove);
  // Ids that vanished from the page (removed, filtered out) are no longer selected.
  const chosen = [...selected].filter((id) => removable.some((i) => i.id === id));

  const current = { sort: query.sort ?? "name", dir: query.dir === "desc" ? ("desc" as const) : ("asc" as const) };
  const sort = (column: "name" | "role" | "lastSignIn", label: string) => sortLink(column, current, (next) => usersHref(orgId, query, { ...next, page: 1 }), t("sortBy", { column: label }));

  return (
    <div className="space-y-3">
      {viewer.canRemove ? (
        <form id={formId} action={removeAction} className="space-y-2">
          <input type="hidden" name="orgId" value={orgId} />
          {removeState && !removeState.ok ? <Alert tone="error">{removeState.message}</Alert> : null}
          {removeState?.ok ? <Alert tone="success">{t("removed", { count: removeState.data?.removed ?? 0 })}</Alert> : null}
          <ConfirmButton
            label={t("removeSelected", { count: chosen.length })}
            variant="secondary"
            disabled={chosen.length === 0}
            title={t("confirmRemove", { count: chosen.length })}
            confirmLabel={t("confirmRemoveButton")}
            cancelLabel={t("cancel")}
            form={formId}
            pending={removing}
            result={removeState}
          />
        </form>
      ) : null}

      <DataTable
        caption={t("title")}
        rows={items}
        rowKey={(row) => `${row.kind}-${row.id}`}
        rowTestId="user-row"
        empty={t("empty")}
        selection={
          viewer.canRemove
            ? {
                selected,
                onChange: setSelected,
                id: (row) => row.id,
                allLabel: t("selectAll"),
                rowLabel: (row) => t("selectUser", { name: row.name ?? row.email }),
                selectable: (row) => row.canRemove,
                inputProps: (row) => ({ form: formId, name: "membershipIds", value: row.id }),
              }
            : undefined
        }
        columns={[
          {
            key: "name",
            label: t("columns.name"),
            sort: sort("name", t("columns.name")),
            className: "font-medium",
            cell: (row) => (
              <>
                {row.kind === "member" ? (
                  <Link href={`/${orgId}/users/${row.id}`} className="text-brand-700 hover:underline">
                    {row.name ?? row.email}
                  </Link>
                ) : (
                  (row.name ?? <span className="text-slate-500">{t("pendingInvitation")}</span>)
                )}
                {row.isSelf ? <span className="ml-1 text-xs text-slate-500">{t("you")}</span> : null}
              </>
            ),
          },
          { key: "email", label: t("columns.email"), cell: (row) => row.email },
          {
            key: "role",
            label: t("columns.role"),
            sort: sort("role", t("columns.role")),
            cell: (row) => (row.canChangeRole ? <RoleForm key={row.role} orgId={orgId} row={row} label={row.name ?? row.email} roles={viewer.assignableRoles} /> : <RoleName role={row.role} />),
          },
          {
            key: "teams",
            label: t("columns.teams"),
            cell: (row) => (row.teams.length ? row.teams.map((team) => team.name).join(", ") : <span className="text-slate-500">{row.kind === "member" ? t("noTeam") : "—"}</span>),
          },
          {
            key: "lastSignIn",
            label: t("columns.lastSignIn"),
            sort: sort("lastSignIn", t("columns.lastSignIn")),
            cell: (row) =>
              row.lastSignInAt ? format.dateTime(new Date(row.lastSignInAt), { dateStyle: "medium", timeStyle: "short" }) : <span className="text-slate-500">{row.kind === "member" ? t("never") : "—"}</span>,
          },
          {
            key: "status",
            label: t("columns.status"),
            cell: (row) => (
              <>
                <span className={`rounded px-2 py-0.5 text-xs ${row.status === "active" ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`}>{t(`status.${row.status}`)}</span>
                {row.kind === "invitation" && canInvite ? <InvitationActions orgId={orgId} invitationId={row.id} email={row.email} /> : null}
              </>
            ),
          },
        ]}
      />

      <LeaveForm orgId={orgId} />
    </div>
  );
}

function RoleName({ role }: { role: Role }) {
  const t = useTranslations("roles");
  return <>{t(role)}</>;
}

function RoleForm({ orgId, row, label, roles }: { orgId: string; row: UserRow; label: string; roles: Role[] }) {
  const t = useTranslations();
  const { state, formAction, onSubmit, pending, saved } = useSavingAction(changeRoleAction);
  const id = useId();
  // The current role stays listed even when the viewer could not grant it.
  const options = roles.includes(row.role) ? roles : [row.role, ...roles];
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="membershipId" value={row.id} />
      <label htmlFor={`${id}-role`} className="sr-only">{t("users.roleOf", { name: label })}</label>
      <select
        id={`${id}-role`}
        name="role"
        defaultValue={row.role}
        aria-invalid={state && !state.ok ? true : undefined}
        aria-describedby={state && !state.ok ? `${id}-error` : undefined}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {options.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
      </select>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60">
        {t("users.saveRole")}
      </button>
      {state && !state.ok ? <p id={`${id}-error`} role="alert" className="text-sm text-red-700">{state.message}</p> : null}
      <SavedStatus saved={saved} />
    </form>
  );
}

function LeaveForm({ orgId }: { orgId: string }) {
  const t = useTranslations("users");
  const formId = useId();
  // Refused (e.g. the last legal representative, ORG-3): the dialog closes and the page shows why.
  const [state, formAction, pending] = useActionState(leaveOrganizationAction, null);
  return (
    <form id={formId} action={formAction} className="space-y-2 border-t border-slate-200 pt-4">
      <input type="hidden" name="orgId" value={orgId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <ConfirmButton
        label={t("leave")}
        variant="secondary"
        title={t("confirmLeave")}
        confirmLabel={t("confirmLeaveButton")}
        cancelLabel={t("cancel")}
        form={formId}
        pending={pending}
        result={state}
      />
    </form>
  );
}
