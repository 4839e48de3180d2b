"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";

/**
 * How many changes were saved since the form appeared: `notify` is handed to useNotifyingAction (or called
 * after any successful save), and the count keys SavedStatus's message so each save is announced anew.
 */
export function useSavedCount(): [number, () => void] {
  const [count, setCount] = useState(0);
  const notify = useCallback(() => setCount((c) => c + 1), []);
  return [count, notify];
}

/**
 * The one confirmation after a saved change: a polite live region (role="status") that is always in the
 * page — a region inserted together with its text is often not read out — whose message is replaced at
 * each save, so screen readers announce it every time. Empty until something is saved; `message` replaces
 * the generic "Your changes are saved." where the form has more to say.
 */
export function SavedStatus({ saved, message, className = "" }: { saved: number; message?: string; className?: string }) {
  const t = useTranslations("app");
  return (
    <p role="status" aria-live="polite" className={`text-sm ${className}`} data-testid="saved-status">
      {saved > 0 ? (
        <span key={saved} className="inline-block rounded-md border border-green-200 bg-green-50 px-2 py-1 text-green-800">
          {message ?? t("saved")}
        </span>
      ) : null}
    </p>
  );
}
