"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SavedStatus } from "@/components/ui/saved-status";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { useFormAction, useSavingAction } from "@/components/ui/use-form-action";
import { deleteTeamAction, renameTeamAction } from "../actions";

type Team = { id: string; name: string };

export function RenameTeamForm({ orgId, team }: { orgId: string; team: Team }) {
  const t = useTranslations("teams");
  const { state, formAction, onSubmit, pending, fieldErrors: fe, saved } = useSavingAction(renameTeamAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="teamId" value={team.id} />
      <Field id="team-rename" className="w-72" label={t("teamName")} name="name" defaultValue={team.name} required maxLength={80} error={fe.name} />
      <Button type="submit" disabled={pending}>{t("rename")}</Button>
      <div aria-live="polite" className="basis-full empty:hidden">
        {state && !state.ok && !fe.name ? <Alert tone="error">{state.message}</Alert> : null}
        <SavedStatus saved={saved} message={t("renamed")} />
      </div>
    </form>
  );
}

/** Deleting asks for a confirmation first (a dialog); members stay in the Organization. */
export function DeleteTeam({ orgId, team }: { orgId: string; team: Team }) {
  const t = useTranslations("teams");
  const { state, onSubmit, pending } = useFormAction(deleteTeamAction);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{t("deleteIntro")}</p>
      <ConfirmButton
        label={t("delete")}
        title={t("confirmDelete", { name: team.name })}
        description={t("deleteIntro")}
        confirmLabel={t("confirmDeleteButton")}
        cancelLabel={t("cancel")}
        onSubmit={onSubmit}
        pending={pending}
        error={state && !state.ok ? state.message : null}
      >
        <input type="hidden" name="orgId" value={orgId} />
        <input type="hidden" name="teamId" value={team.id} />
      </ConfirmButton>
    </div>
  );
}
