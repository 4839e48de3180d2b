"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/** An entry acts (`onSelect`) or leads to another page (`href`, a link that works without JavaScript too). */
export type MenuItem = { label: string; danger?: boolean } & ({ onSelect: () => void; href?: never } | { href: string; onSelect?: never });

/** A ⋮ menu (ARIA menu button): arrows move between items, Escape or Tab closes and returns focus. */
export function MenuButton({ label, items }: { label: string; items: MenuItem[] }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const entries = useRef<(HTMLElement | null)[]>([]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    entries.current[0]?.focus();
    const outside = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const list = entries.current.filter(Boolean) as HTMLElement[];
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown") {
      e.preventDefault();
      list[(i + 1) % list.length]?.focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      list[(i - 1 + list.length) % list.length]?.focus();
    } else if (e.key === "Escape" || e.key === "Tab") {
      close();
    }
  }
  return (
    <div ref={root} className="relative inline-block text-left">
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="rounded px-2 py-1 text-lg leading-none hover:bg-slate-100"
      >
        ⋮
      </button>
      {open ? (
        <div id={`${id}-menu`} role="menu" aria-labelledby={`${id}-button`} onKeyDown={onKeyDown} className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {items.map((item, i) => {
            const className = `block w-full px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 ${item.danger ? "text-red-700" : ""}`;
            return item.href !== undefined ? (
              <Link key={item.label} ref={(el) => void (entries.current[i] = el)} href={item.href} role="menuitem" tabIndex={-1} onClick={() => setOpen(false)} className={className}>
                {item.label}
              </Link>
            ) : (
              <button
                key={item.label}
                ref={(el) => void (entries.current[i] = el)}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setOpen(false);
                  // Focus goes back to the menu's button, where a dialog the action opens returns it.
                  button.current?.focus();
                  item.onSelect();
                }}
                className={className}
              >
                {item.label}
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
