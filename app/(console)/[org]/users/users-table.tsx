"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SortHeader } from "@/components/ui/sort-header";
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
  const { selected, setSelected, toggle, clear } = useSelection();
  const [confirming, setConfirming] = useState(false);
  const [removeState, removeAction, removing] = useActionState(async (prev: Awaited<ReturnType<typeof removeMembersAction>>, fd: FormData) => {
    const result = await removeMembersAction(prev, fd);
    if (result?.ok) {
      clear();
      setConfirming(false);
    }
    return result;
  }, null);
  const removable = items.filter((i) => i.canRemove);
  // Ids that vanished from the page (removed, filtered out) are no longer selected.
  const chosen = [...selected].filter((id) => removable.some((i) => i.id === id));
  const allChosen = removable.length > 0 && chosen.length === removable.length;

  const sortHeader = (column: "name" | "role" | "lastSignIn", label: string) => {
    const active = query.sort === column;
    const next = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <SortHeader
        label={label}
        active={active}
        dir={query.dir === "desc" ? "desc" : "asc"}
        href={usersHref(orgId, query, { sort: column, dir: next, page: 1 })}
        srLabel={t("sortBy", { column: label })}
      />
    );
  };

  return (
    <div className="space-y-3">
      {viewer.canRemove ? (
        <form id={formId} action={removeAction} className="space-y-2">
          <input type="hidden" name="orgId" value={orgId} />
          {removeState && !removeState.ok ? <Alert tone="error">{removeState.message}</Alert> : null}
          {removeState?.ok ? <Alert tone="success">{t("removed", { count: removeState.data?.removed ?? 0 })}</Alert> : null}
          {confirming && chosen.length > 0 ? (
            <div role="alertdialog" aria-labelledby={`${formId}-confirm`} className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
              <p id={`${formId}-confirm`}>{t("confirmRemove", { count: chosen.length })}</p>
              <Button type="submit" variant="danger" disabled={removing}>{t("confirmRemoveButton")}</Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>{t("cancel")}</Button>
            </div>
          ) : (
            <Button type="button" variant="secondary" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
              {t("removeSelected", { count: chosen.length })}
            </Button>
          )}
        </form>
      ) : null}

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              {viewer.canRemove ? (
                <th scope="col" className="w-10 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t("selectAll")}
                    checked={allChosen}
                    disabled={removable.length === 0}
                    onChange={(e) => setSelected(e.target.checked ? new Set(removable.map((i) => i.id)) : new Set())}
                  />
                </th>
              ) : null}
              {sortHeader("name", t("columns.name"))}
              <th scope="col" className="px-3 py-2">{t("columns.email")}</th>
              {sortHeader("role", t("columns.role"))}
              <th scope="col" className="px-3 py-2">{t("columns.teams")}</th>
              {sortHeader("lastSignIn", t("columns.lastSignIn"))}
              <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.length === 0 ? (
              <tr>
                <td colSpan={viewer.canRemove ? 7 : 6} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td>
              </tr>
            ) : null}
            {items.map((row) => {
              const label = row.name ?? row.email;
              return (
                <tr key={`${row.kind}-${row.id}`} data-testid="user-row">
                  {viewer.canRemove ? (
                    <td className="px-3 py-2">
                      {row.canRemove ? (
                        <input
                          type="checkbox"
                          form={formId}
                          name="membershipIds"
                          value={row.id}
                          aria-label={t("selectUser", { name: label })}
                          checked={selected.has(row.id)}
                          onChange={(e) => toggle(row.id, e.target.checked)}
                        />
                      ) : null}
                    </td>
                  ) : null}
                  <td className="px-3 py-2 font-medium">
                    {row.kind === "member" ? (
                      <Link href={`/${orgId}/users/${row.id}`} className="text-brand-700 hover:underline">
                        {label}
                      </Link>
                    ) : (
                      (row.name ?? <span className="text-slate-500">{t("pendingInvitation")}</span>)
                    )}
                    {row.isSelf ? <span className="ml-1 text-xs text-slate-500">{t("you")}</span> : null}
                  </td>
                  <td className="px-3 py-2">{row.email}</td>
                  <td className="px-3 py-2">
                    {row.canChangeRole ? <RoleForm key={row.role} orgId={orgId} row={row} label={label} roles={viewer.assignableRoles} /> : <RoleName role={row.role} />}
                  </td>
                  <td className="px-3 py-2">
                    {row.teams.length ? row.teams.map((team) => team.name).join(", ") : <span className="text-slate-500">{row.kind === "member" ? t("noTeam") : "—"}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {row.lastSignInAt ? format.dateTime(new Date(row.lastSignInAt), { dateStyle: "medium", timeStyle: "short" }) : <span className="text-slate-500">{row.kind === "member" ? t("never") : "—"}</span>}
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs ${row.status === "active" ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`}>
                      {t(`status.${row.status}`)}
                    </span>
                    {row.kind === "invitation" && canInvite ? <InvitationActions orgId={orgId} invitationId={row.id} email={row.email} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

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
  const [state, formAction, pending] = useActionState(changeRoleAction, null);
  const id = useId();
  // The current role stays listed even when the viewer could not grant it.
  const options = roles.includes(row.role) ? roles : [row.role, ...roles];
  return (
    <form action={formAction} className="flex items-center gap-2">
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
    </form>
  );
}

function LeaveForm({ orgId }: { orgId: string }) {
  const t = useTranslations("users");
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: Awaited<ReturnType<typeof leaveOrganizationAction>>, fd: FormData) => {
    const result = await leaveOrganizationAction(prev, fd);
    // Refused (e.g. the last legal representative, ORG-3): show why and put the button back.
    setConfirming(false);
    return result;
  }, null);
  return (
    <form action={formAction} className="space-y-2 border-t border-slate-200 pt-4">
      <input type="hidden" name="orgId" value={orgId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {confirming ? (
        <div role="alertdialog" aria-labelledby="leave-confirm" className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          <p id="leave-confirm">{t("confirmLeave")}</p>
          <Button type="submit" variant="danger" disabled={pending}>{t("confirmLeaveButton")}</Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>{t("cancel")}</Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>{t("leave")}</Button>
      )}
    </form>
  );
}
