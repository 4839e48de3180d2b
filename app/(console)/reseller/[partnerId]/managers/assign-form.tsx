"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SavedStatus } from "@/components/ui/saved-status";
import { useSavingAction } from "@/components/ui/use-form-action";
import { assignClientsAction } from "./actions";

/** PRT-9: the clients one member manages, ticked; saving replaces the member's assignments. */
export function AssignForm({ partnerId, membershipId, memberLabel, clients, assigned }: { partnerId: string; membershipId: string; memberLabel: string; clients: { id: string; name: string }[]; assigned: string[] }) {
  const t = useTranslations("resellerManagers");
  const { state, onSubmit, formAction, pending, saved } = useSavingAction(assignClientsAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" noValidate>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <fieldset>
        <legend className="sr-only">{t("clientsOf", { member: memberLabel })}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {clients.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="partnershipIds" value={c.id} defaultChecked={assigned.includes(c.id)} aria-label={t("assign", { client: c.name, member: memberLabel })} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        {state && !state.ok ? (
          <span role="alert" className="text-sm text-red-700">
            {state.message}
          </span>
        ) : null}
        <SavedStatus saved={saved} message={t("saved")} />
      </div>
    </form>
  );
}
