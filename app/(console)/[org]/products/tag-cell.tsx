"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useCallback, useOptimistic, useRef, useState } from "react";
import { fillMessage } from "@/components/intl/row-messages";
import { TagChip } from "@/components/tags/tag-chip";
import { TagCombobox, type TagOption } from "@/components/tags/tag-combobox";
import { rememberCreatedTag, type TagOptionsPage } from "@/components/tags/use-tag-options";
import type { TagColor } from "@/lib/tags/palette";
import { attachTagAction, detachTagAction } from "./actions";

type Change = { type: "add"; tag: TagOption } | { type: "remove"; tagId: string };

function form(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

/**
 * TAG-2: the Tag column of one product. "+" or a click on a tag opens the combobox; attaching and
 * detaching show at once (useOptimistic) and roll back with a message if the server refuses.
 */
export function TagCell({ orgId, productId, productName, tags, tagOptions, canTag }: { orgId: string; productId: string; productName: string; tags: TagOption[]; tagOptions: TagOptionsPage; canTag: boolean }) {
  const t = useTranslations("tags");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [shown, apply] = useOptimistic(tags, (state: TagOption[], change: Change) =>
    change.type === "add" ? (state.some((s) => s.id === change.tag.id || s.name.toLocaleLowerCase() === change.tag.name.toLocaleLowerCase()) ? state : [...state, change.tag]) : state.filter((s) => s.id !== change.tagId),
  );
  const attachedIds = new Set(shown.map((s) => s.id));

  const close = useCallback(() => {
    setOpen(false);
    trigger.current?.focus();
  }, []);

  function run(change: Change, call: () => ReturnType<typeof attachTagAction> | ReturnType<typeof detachTagAction>) {
    setError(null);
    startTransition(async () => {
      apply(change);
      const result = await call();
      if (!result?.ok) setError(result?.message ?? t("saveFailed"));
      else if (result.data && "created" in result.data && result.data.created) rememberCreatedTag(orgId, result.data.tag);
    });
  }

  function toggle(tag: TagOption, attached: boolean) {
    if (attached) run({ type: "remove", tagId: tag.id }, () => detachTagAction(null, form({ orgId, productId, tagId: tag.id })));
    else run({ type: "add", tag }, () => attachTagAction(null, form({ orgId, productIds: productId, tagId: tag.id })));
  }

  function create(name: string, color: TagColor) {
    run({ type: "add", tag: { id: `new:${name}`, name, color } }, () => attachTagAction(null, form({ orgId, productIds: productId, name, color })));
  }

  return (
    <div className="relative">
      <div className="flex flex-wrap items-center gap-1">
        {shown.map((tag) =>
          canTag ? (
            <button key={tag.id} type="button" onClick={() => setOpen(true)} aria-label={fillMessage(t, locale, "editTagsOf", { name: productName, tag: tag.name })} className="rounded-full">
              <TagChip name={tag.name} color={tag.color} />
            </button>
          ) : (
            <TagChip key={tag.id} name={tag.name} color={tag.color} />
          ),
        )}
        {canTag ? (
          <button
            ref={trigger}
            type="button"
            aria-label={fillMessage(t, locale, "addTagTo", { name: productName })}
            aria-haspopup="listbox"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            className="inline-flex h-6 w-6 items-center justify-center rounded-full border border-dashed border-slate-400 text-slate-600 hover:bg-slate-100"
          >
            +
          </button>
        ) : null}
      </div>
      {open ? <TagCombobox label={t("addTagTo", { name: productName })} orgId={orgId} initial={tagOptions} attachedIds={attachedIds} onToggle={toggle} onCreate={create} onClose={close} /> : null}
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
