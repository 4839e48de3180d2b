"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { TagOption } from "@/lib/tags/list-tags";
import type { TagColor } from "@/lib/tags/palette";
import { ColorPicker } from "./color-picker";
import { TagChip } from "./tag-chip";
import { useTagOptions, type TagOptionsPage } from "./use-tag-options";

export type { TagOption };

type Props = {
  label: string;
  orgId: string;
  /** The page's first tags; the others are fetched as the user types (useTagOptions). */
  initial: TagOptionsPage;
  attachedIds: ReadonlySet<string>;
  onToggle: (tag: TagOption, attached: boolean) => void;
  onCreate: (name: string, color: TagColor) => void;
  onClose: () => void;
};

type Option = { kind: "tag"; tag: TagOption; attached: boolean } | { kind: "create"; name: string };

/**
 * TAG-2: an accessible combobox (ARIA 1.2 pattern) listing the Organization's tags with type-ahead.
 * Arrows move, Enter attaches or detaches the highlighted tag (or creates the typed name with the chosen
 * colour), Escape closes. Focus stays in the text field; the active option is announced through
 * aria-activedescendant.
 */
export function TagCombobox({ label, orgId, initial, attachedIds, onToggle, onCreate, onClose }: Props) {
  const t = useTranslations("tags");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const [color, setColor] = useState<TagColor>("blue");

  useEffect(() => {
    inputRef.current?.focus();
    const outside = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [onClose]);

  const typed = text.replace(/\s+/g, " ").trim();
  const { options: found, loading } = useTagOptions(orgId, initial, typed);
  const needle = typed.toLocaleLowerCase();
  const options: Option[] = found.map((tag) => ({ kind: "tag", tag, attached: attachedIds.has(tag.id) }));
  // Offered unless the name is known to exist; creating an existing name (any case) reuses that tag.
  const exact = found.some((tag) => tag.name.toLocaleLowerCase() === needle);
  if (typed && !exact && typed.length <= 40) options.push({ kind: "create", name: typed });
  const current = Math.min(active, Math.max(options.length - 1, 0));

  function choose(option: Option | undefined) {
    if (!option) return;
    if (option.kind === "create") {
      onCreate(option.name, color);
      setText("");
    } else {
      onToggle(option.tag, option.attached);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((current + 1) % Math.max(options.length, 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((current - 1 + options.length) % Math.max(options.length, 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(options[current]);
    }
  }

  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <div
      ref={rootRef}
      onKeyDown={(e) => {
        // Escape closes from anywhere in the popup (text field or colour choice) and returns focus.
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
      className="absolute z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-2 shadow-lg" data-testid="tag-combobox">
      <label htmlFor={`${id}-input`} className="sr-only">{label}</label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? optionId(current) : undefined}
        value={text}
        maxLength={40}
        placeholder={t("comboboxPlaceholder")}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <p role="status" className="px-2 pt-1 text-xs text-slate-500 empty:hidden">{loading ? t("loading") : ""}</p>
      <ul id={`${id}-listbox`} role="listbox" aria-label={t("existingTags")} aria-multiselectable="true" aria-busy={loading} className="mt-2 max-h-56 overflow-y-auto">
        {options.length === 0 ? <li className="px-2 py-1 text-sm text-slate-500">{t("noTagsYet")}</li> : null}
        {options.map((option, i) => (
          <li
            key={option.kind === "tag" ? option.tag.id : "create"}
            id={optionId(i)}
            role="option"
            aria-selected={option.kind === "tag" ? option.attached : false}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(option)}
            className={`flex cursor-pointer items-center justify-between gap-2 rounded px-2 py-1 text-sm ${i === current ? "bg-slate-100 outline outline-1 outline-brand-600" : ""}`}
          >
            {option.kind === "tag" ? (
              <>
                <TagChip name={option.tag.name} color={option.tag.color} />
                {option.attached ? <span aria-hidden="true">✓</span> : null}
              </>
            ) : (
              <span>{t("createNamed", { name: option.name })}</span>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-2 border-t border-slate-100 pt-2">
        <ColorPicker legend={t("colorForNew")} value={color} onChange={setColor} />
      </div>
    </div>
  );
}
