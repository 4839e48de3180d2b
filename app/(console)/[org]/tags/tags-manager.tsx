"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";
import { ColorPicker } from "@/components/tags/color-picker";
import { TagChip } from "@/components/tags/tag-chip";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormActions } from "@/components/ui/form-actions";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { MenuButton } from "@/components/ui/menu-button";
import { SavedStatus, useSavedCount } from "@/components/ui/saved-status";
import type { TagRow } from "@/lib/tags/list-tags";
import { TAG_COLORS, type TagColor } from "@/lib/tags/palette";
import { useNotifyingAction } from "@/components/ui/use-form-action";
import { createTagAction, deleteTagAction, updateTagAction } from "./actions";

const asColor = (c: string): TagColor => ((TAG_COLORS as readonly string[]).includes(c) ? (c as TagColor) : "slate");

/** A tag's name and colour; used to add a tag and to rename/recolour one. */
function TagForm({ orgId, tag, onDone, onSaved }: { orgId: string; tag?: TagRow; onDone: () => void; onSaved: () => void }) {
  const t = useTranslations("tags");
  const [color, setColor] = useState<TagColor>(asColor(tag?.color ?? "blue"));
  const { state, onSubmit, pending, fieldErrors } = useNotifyingAction(tag ? updateTagAction : createTagAction, () => {
    onSaved();
    onDone();
  });
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={tag ? t("editTag", { name: tag.name }) : t("addTag")}>
      <input type="hidden" name="orgId" value={orgId} />
      {tag ? <input type="hidden" name="tagId" value={tag.id} /> : null}
      <input type="hidden" name="color" value={color} />
      {state && !state.ok && !fieldErrors.name ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id={`${id}-name`} label={t("name")} name="name" defaultValue={tag?.name ?? ""} maxLength={40} required autoFocus error={fieldErrors.name} />
      <ColorPicker legend={t("color")} value={color} onChange={setColor} />
      <FormActions submitLabel={tag ? t("save") : t("create")} pending={pending} cancelLabel={t("cancel")} onCancel={onDone} />
    </form>
  );
}

/** The row's ⋮ menu: rename/recolour or delete (TAG-3). */
function RowMenu({ tag, onEdit, onDelete }: { tag: TagRow; onEdit: () => void; onDelete: () => void }) {
  const t = useTranslations("tags");
  return (
    <MenuButton
      label={t("actionsFor", { name: tag.name })}
      items={[
        { label: t("renameOrRecolour"), onSelect: onEdit },
        { label: t("delete"), onSelect: onDelete, danger: true },
      ]}
    />
  );
}

function DeleteConfirm({ orgId, tag, onDone, onSaved }: { orgId: string; tag: TagRow; onDone: () => void; onSaved: () => void }) {
  const t = useTranslations("tags");
  const { state, onSubmit, pending } = useNotifyingAction(deleteTagAction, onSaved);
  return (
    <ConfirmDialog
      open
      onClose={onDone}
      title={t("confirmDelete", { name: tag.name, count: tag.productCount })}
      confirmLabel={t("confirmDeleteButton")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
    >
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="tagId" value={tag.id} />
    </ConfirmDialog>
  );
}

export function TagsManager({ orgId, tags, canManage }: { orgId: string; tags: TagRow[]; canManage: boolean }) {
  const t = useTranslations("tags");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  // Forms close (or their row disappears) once saved: the confirmation lives here, outside them.
  const [saved, notifySaved] = useSavedCount();
  return (
    <div className="space-y-3">
      <SavedStatus saved={saved} />
      {canManage ? (
        adding ? <TagForm orgId={orgId} onDone={() => setAdding(false)} onSaved={notifySaved} /> : <Button type="button" onClick={() => setAdding(true)}>{t("addTag")}</Button>
      ) : null}
      <DataTable
        caption={t("title")}
        rows={tags}
        rowKey={(tag) => tag.id}
        rowTestId="tag-row"
        empty={t("empty")}
        columns={[
          {
            key: "name",
            label: t("name"),
            cell: (tag) =>
              editing === tag.id ? (
                <TagForm key={`${tag.name}-${tag.color}`} orgId={orgId} tag={tag} onDone={() => setEditing(null)} onSaved={notifySaved} />
              ) : (
                <>
                  <TagChip name={tag.name} color={tag.color} />
                  {deleting === tag.id ? <DeleteConfirm orgId={orgId} tag={tag} onDone={() => setDeleting(null)} onSaved={notifySaved} /> : null}
                </>
              ),
          },
          {
            key: "products",
            label: t("productCount"),
            cell: (tag) => (
              <Link href={`/${orgId}/products?tagId=${tag.id}`} className="text-brand-700 hover:underline">
                {t("productsCount", { count: tag.productCount })}
              </Link>
            ),
          },
          ...(canManage
            ? [
                {
                  key: "actions",
                  label: t("actions"),
                  hiddenLabel: true,
                  headerClassName: "w-12",
                  className: "text-right",
                  // SEC-4 / SEC-5: a tag also on products the user cannot see, or may only read, is not theirs to change.
                  cell: (tag: TagRow) =>
                    tag.canChange ? (
                      <RowMenu
                        tag={tag}
                        onEdit={() => {
                          setDeleting(null);
                          setEditing(tag.id);
                        }}
                        onDelete={() => {
                          setEditing(null);
                          setDeleting(tag.id);
                        }}
                      />
                    ) : (
                      <span className="text-xs text-slate-500" data-testid="tag-locked">{t("locked")}</span>
                    ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
