"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";

type NavState = { open: boolean; setOpen: (open: boolean) => void; panelId: string; button: RefObject<HTMLButtonElement | null> };

const NavContext = createContext<NavState | null>(null);

function useNav(): NavState {
  const nav = useContext(NavContext);
  if (!nav) throw new Error("NavToggle and NavPanel belong inside a NavDisclosure");
  return nav;
}

/**
 * Below the `md` width the console's navigation hides behind a menu button (a disclosure): the button in
 * the header (`NavToggle`) and the navigation further down (`NavPanel`) share the open state through this.
 * From `md` on the navigation is always shown and the button is hidden.
 */
export function NavDisclosure({ className, children }: { className?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  // Following a link closes the menu (adjusting state during render, not in an effect).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  return (
    <NavContext.Provider value={{ open, setOpen, panelId, button }}>
      <div className={className}>{children}</div>
    </NavContext.Provider>
  );
}

export function NavToggle() {
  const t = useTranslations("shell");
  const { open, setOpen, panelId, button } = useNav();
  return (
    <button
      ref={button}
      type="button"
      aria-expanded={open}
      aria-controls={panelId}
      onClick={() => setOpen(!open)}
      data-testid="nav-toggle"
      className="inline-flex shrink-0 items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium md:hidden"
    >
      <span aria-hidden="true">{open ? "✕" : "☰"}</span>
      {t("menu")}
    </button>
  );
}

export function NavPanel({ children }: { children: ReactNode }) {
  const { open, setOpen, panelId, button } = useNav();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Opened from the button (narrow screens only): focus moves to the first link.
    if (open) panel.current?.querySelector<HTMLElement>("a[href], button")?.focus();
  }, [open]);
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== "Escape" || !open) return;
    e.preventDefault();
    setOpen(false);
    button.current?.focus();
  }
  return (
    <div
      ref={panel}
      id={panelId}
      onKeyDown={onKeyDown}
      data-testid="nav-panel"
      className={`${open ? "block" : "hidden"} w-full shrink-0 border-b border-slate-200 bg-slate-100 md:block md:w-56 md:border-b-0 md:border-r`}
    >
      {children}
    </div>
  );
}
