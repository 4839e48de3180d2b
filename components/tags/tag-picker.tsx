"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import type { TagOption } from "@/lib/tags/list-tags";
import { TagChip } from "./tag-chip";
import { useTagOptions, type TagOptionsPage } from "./use-tag-options";

type Props = {
  /** The text field's id, for the caller's `<label htmlFor>`. */
  id: string;
  /** The hidden field the chosen tag's id is submitted in ("" for none). */
  name: string;
  orgId: string;
  initial: TagOptionsPage;
  /** The tag chosen on load (remount with a `key` to reset it). */
  selected: TagOption | null;
  /** When given, a first option that clears the choice ("All tags"). */
  allLabel?: string;
  placeholder?: string;
  className?: string;
  onChange?: (tag: TagOption | null) => void;
};

type Option = { kind: "all" } | { kind: "tag"; tag: TagOption };

/**
 * TAG-2/TAG-4: picks one tag of the Organization — an ARIA 1.2 combobox whose options load as the user
 * types (useTagOptions), so a page never carries every tag. The choice goes in a hidden field, so a plain
 * form (the GET filter, the bulk action) submits it. Arrows open and move, Enter picks, Escape closes and
 * restores the chosen name.
 */
export function TagPicker({ id, name, orgId, initial, selected, allLabel, placeholder, className = "", onChange }: Props) {
  const t = useTranslations("tags");
  const listId = useId();
  const [chosen, setChosen] = useState(selected);
  const [text, setText] = useState(selected?.name ?? "");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { options: found, loading } = useTagOptions(orgId, initial, open ? query : "");

  // "All tags" heads the list until something is typed, so Enter after typing picks the first match.
  const options: Option[] = [...(allLabel && !query.trim() ? [{ kind: "all" } as const] : []), ...found.map((tag) => ({ kind: "tag", tag }) as const)];
  const current = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (i: number) => `${listId}-opt-${i}`;

  function show() {
    if (open) return;
    setOpen(true);
    setQuery("");
    const at = options.findIndex((o) => (o.kind === "all" ? !chosen : o.tag.id === chosen?.id));
    setActive(Math.max(at, 0));
  }

  function close() {
    setOpen(false);
    setQuery("");
    setText(chosen?.name ?? "");
  }

  function choose(option: Option | undefined) {
    if (!option) return;
    const tag = option.kind === "tag" ? option.tag : null;
    setChosen(tag);
    setText(tag?.name ?? "");
    setQuery("");
    setOpen(false);
    onChange?.(tag);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open || e.altKey) return show();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % Math.max(options.length, 1));
    } else if (e.key === "Enter" && open) {
      // Picks instead of submitting the form; with the list closed, Enter submits as usual.
      e.preventDefault();
      choose(options[current]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  }

  return (
    <div className="relative">
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options.length ? optionId(current) : undefined}
        autoComplete="off"
        value={text}
        maxLength={40}
        placeholder={placeholder ?? allLabel}
        onChange={(e) => {
          setText(e.target.value);
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onClick={show}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Left with a tag's exact name: that tag; emptied: none (where "all" is an option); else the choice stays.
          const exact = found.find((tag) => tag.name.toLocaleLowerCase() === text.replace(/\s+/g, " ").trim().toLocaleLowerCase());
          if (open && exact) choose({ kind: "tag", tag: exact });
          else if (!text.trim() && allLabel && chosen) choose({ kind: "all" });
          else close();
        }}
        className={`${className} w-56`}
      />
      <div hidden={!open} className="absolute z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <p role="status" className="px-2 text-xs text-slate-500 empty:hidden">
          {loading ? t("loading") : !found.length && query.trim() ? t("noMatchingTag") : ""}
        </p>
        <ul id={listId} role="listbox" aria-label={t("existingTags")} aria-busy={loading} className="max-h-56 overflow-y-auto">
          {(open ? options : []).map((option, i) => (
            <li
              key={option.kind === "tag" ? option.tag.id : ""}
              id={optionId(i)}
              role="option"
              aria-selected={option.kind === "tag" ? option.tag.id === chosen?.id : !chosen}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(option)}
              className={`cursor-pointer rounded px-2 py-1 text-sm ${i === current ? "bg-slate-100 outline outline-1 outline-brand-600" : ""}`}
            >
              {option.kind === "tag" ? <TagChip name={option.tag.name} color={option.tag.color} /> : allLabel}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
