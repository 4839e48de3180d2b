"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton, ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormActions } from "@/components/ui/form-actions";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { MenuButton } from "@/components/ui/menu-button";
import type { ActionState } from "@/lib/http/action";
import { createAppPasswordAction, revokeAllAppPasswordsAction, revokeAppPasswordAction } from "./app-password-actions";
import { RevealedAppPassword } from "./revealed-app-password";

export type AppPasswordRow = { id: string; name: string; hint: string; created: string; lastUsed: string | null };
type Revealed = { name: string; password: string };

/** APP-1: a name, then the generated password, shown once. */
function GenerateForm({ onCreated, onCancel }: { onCreated: (r: Revealed) => void; onCancel: () => void }) {
  const t = useTranslations("appPasswords");
  const id = useId();
  // The password is lifted out of the action state at once, so closing the panel really forgets it.
  const { state, onSubmit, pending, fieldErrors } = useFormAction(async (prev: ActionState<Revealed>, formData: FormData): Promise<ActionState<Revealed>> => {
    const res = await createAppPasswordAction(prev, formData);
    if (res?.ok && res.data) {
      onCreated(res.data);
      return { ok: true };
    }
    return res;
  });
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <h3 id={`${id}-title`} className="font-medium">
        {t("generate")}
      </h3>
      {state && !state.ok && !fieldErrors.name && !fieldErrors.password ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id={`${id}-name`} label={t("nameLabel")} name="name" maxLength={60} required autoFocus help={t("nameHelp")} error={fieldErrors.name} />
      {/* SEC-8: a new long-lived credential asks for the account password again. */}
      <Field id={`${id}-password`} label={t("passwordLabel")} name="password" type="password" autoComplete="current-password" required help={t("passwordHelp")} error={fieldErrors.password} />
      <FormActions submitLabel={t("generateSubmit")} pending={pending} cancelLabel={t("cancel")} onCancel={onCancel} />
    </form>
  );
}

function RevokeConfirm({ row, onDone }: { row: AppPasswordRow; onDone: () => void }) {
  const t = useTranslations("appPasswords");
  const { state, onSubmit, pending } = useFormAction(revokeAppPasswordAction);
  return (
    <ConfirmDialog
      open
      onClose={onDone}
      title={t("confirmRevoke", { name: row.name })}
      confirmLabel={t("revokeConfirm")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
    >
      <input type="hidden" name="appPasswordId" value={row.id} />
    </ConfirmDialog>
  );
}

function RevokeAll({ count }: { count: number }) {
  const t = useTranslations("appPasswords");
  const { state, onSubmit, pending } = useFormAction(revokeAllAppPasswordsAction);
  return (
    <div className="space-y-2">
      {state?.ok ? <Alert tone="success">{t("revokedAll", { count: state.data?.revoked ?? 0 })}</Alert> : null}
      {count > 0 ? (
        <ConfirmButton
          label={t("revokeAll")}
          variant="secondary"
          title={t("confirmRevokeAll", { count })}
          confirmLabel={t("revokeAllConfirm")}
          cancelLabel={t("cancel")}
          onSubmit={onSubmit}
          pending={pending}
          error={state && !state.ok ? state.message : null}
          result={state}
        />
      ) : null}
    </div>
  );
}

export function AppPasswordsManager({ passwords }: { passwords: AppPasswordRow[] }) {
  const t = useTranslations("appPasswords");
  const [generating, setGenerating] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {revealed ? (
        <RevealedAppPassword name={revealed.name} password={revealed.password} onClose={() => setRevealed(null)} />
      ) : generating ? (
        <GenerateForm
          onCreated={(r) => {
            setGenerating(false);
            setRevealed(r);
          }}
          onCancel={() => setGenerating(false)}
        />
      ) : (
        <Button type="button" onClick={() => setGenerating(true)}>
          {t("generate")}
        </Button>
      )}
      <RevokeAll count={passwords.length} />
      <DataTable
        caption={t("heading")}
        testId="app-passwords"
        rows={passwords}
        rowKey={(row) => row.id}
        rowTestId="app-password-row"
        empty={t("empty")}
        columns={[
          {
            key: "name",
            label: t("name"),
            cell: (row) => (
              <>
                <span className="font-medium">{row.name}</span>
                <span className="ml-2 font-mono text-xs text-slate-500">{t("hint", { hint: row.hint })}</span>
                {revoking === row.id ? <RevokeConfirm row={row} onDone={() => setRevoking(null)} /> : null}
              </>
            ),
          },
          { key: "created", label: t("created"), className: "whitespace-nowrap", cell: (row) => row.created },
          { key: "lastUsed", label: t("lastUsed"), className: "whitespace-nowrap", cell: (row) => row.lastUsed ?? t("never") },
          {
            key: "actions",
            label: t("actions"),
            hiddenLabel: true,
            headerClassName: "w-12",
            className: "text-right align-top",
            cell: (row) => <MenuButton label={t("actionsFor", { name: row.name })} items={[{ label: t("revoke"), danger: true, onSelect: () => setRevoking(row.id) }]} />,
          },
        ]}
      />
    </div>
  );
}
