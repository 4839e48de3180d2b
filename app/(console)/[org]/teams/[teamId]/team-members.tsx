"use client";

import { useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";
import { addTeamMembersAction, removeTeamMemberAction } from "../actions";
import { PickerForm, RowAction } from "./team-forms";

type Person = { membershipId: string; role: Role; name: string; email: string };

/** ORG-6: the team's members; managers remove them or add other members of the Organization. */
export function TeamMembers({ orgId, teamId, members, candidates, canManage }: { orgId: string; teamId: string; members: Person[]; candidates: Person[]; canManage: boolean }) {
  const t = useTranslations("teams");
  const tRoles = useTranslations("roles");
  return (
    <div className="space-y-4">
      {members.length === 0 ? <p className="text-sm text-slate-600">{t("noMembers")}</p> : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={t("membersList")}>
          {members.map((m) => (
            <li key={m.membershipId} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm" data-testid="team-member">
              <span>
                <span className="font-medium">{m.name}</span> <span className="text-slate-600">{m.email}</span>{" "}
                <span className="text-xs text-slate-500">{tRoles(m.role)}</span>
              </span>
              {canManage ? (
                <RowAction
                  action={removeTeamMemberAction}
                  fields={{ orgId, teamId, membershipId: m.membershipId }}
                  label={t("removeFromTeam")}
                  subject={m.name}
                  question={t("removeConfirm", { name: m.name })}
                  confirmLabel={t("removeYes")}
                  cancelLabel={t("cancel")}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {!canManage ? null : candidates.length === 0 ? <p className="text-sm text-slate-600">{t("everyoneIsMember")}</p> : (
        <PickerForm
          action={addTeamMembersAction}
          fields={{ orgId, teamId }}
          legend={t("addMembers")}
          submitLabel={t("addSelectedMembers")}
          success={(data) => t("membersAdded", { count: data?.added ?? 0 })}
          version={members.length}
        >
          {candidates.map((c) => (
            <label key={c.membershipId} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="membershipIds" value={c.membershipId} />
              <span>{c.name}</span> <span className="text-slate-600">{c.email}</span>
            </label>
          ))}
        </PickerForm>
      )}
    </div>
  );
}
