"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteTeamAction, renameTeamAction } from "../actions";

type Team = { id: string; name: string };

export function RenameTeamForm({ orgId, team }: { orgId: string; team: Team }) {
  const t = useTranslations("teams");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(renameTeamAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="teamId" value={team.id} />
      <Field id="team-rename" className="w-72" label={t("teamName")} name="name" defaultValue={team.name} required maxLength={80} error={fe.name} />
      <Button type="submit" disabled={pending}>{t("rename")}</Button>
      <div aria-live="polite" className="basis-full empty:hidden">
        {state && !state.ok && !fe.name ? <Alert tone="error">{state.message}</Alert> : null}
        {state?.ok ? <Alert tone="success">{t("renamed")}</Alert> : null}
      </div>
    </form>
  );
}

/** Deleting asks for a confirmation first; members stay in the Organization. */
export function DeleteTeam({ orgId, team }: { orgId: string; team: Team }) {
  const t = useTranslations("teams");
  const [confirming, setConfirming] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(deleteTeamAction);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{t("deleteIntro")}</p>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {confirming ? (
        <form action={formAction} onSubmit={onSubmit} role="alertdialog" aria-labelledby="delete-team-confirm" className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          <input type="hidden" name="orgId" value={orgId} />
          <input type="hidden" name="teamId" value={team.id} />
          <p id="delete-team-confirm">{t("confirmDelete", { name: team.name })}</p>
          <Button type="submit" variant="danger" disabled={pending}>{t("confirmDeleteButton")}</Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>{t("cancel")}</Button>
        </form>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>{t("delete")}</Button>
      )}
    </div>
  );
}
