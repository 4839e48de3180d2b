"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createTeamAction } from "./actions";

/** ORG-6: creates a team, then opens it to add members and products. */
export function CreateTeamForm({ orgId }: { orgId: string }) {
  const t = useTranslations("teams");
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(createTeamAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate aria-labelledby="create-team-heading">
      <h2 id="create-team-heading" className="sr-only">{t("createHeading")}</h2>
      <input type="hidden" name="orgId" value={orgId} />
      <Field id="team-name" className="w-72" label={t("newTeamName")} name="name" required maxLength={80} error={fe.name} />
      <Button type="submit" disabled={pending}>{pending ? t("creating") : t("create")}</Button>
      {state && !state.ok && !fe.name ? <div className="basis-full"><Alert tone="error">{state.message}</Alert></div> : null}
    </form>
  );
}
