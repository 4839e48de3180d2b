"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { endClientPartnershipAction } from "./actions";

/**
 * The clients table's one client island: it reads the server-rendered rows from the DOM instead of
 * receiving them as props, so the rows are sent once, as HTML. PRT-8: the header's "tick all" box (server
 * HTML, kept in step here) and the bar at the bottom once rows are ticked. PRT-7: one confirmation dialog for
 * the table, opened for the row whose "End" button was clicked (event delegation).
 */
export function ClientsTableControls({ formId, tableId }: { formId: string; tableId: string }) {
  const t = useTranslations("reseller");
  const td = useTranslations("resellerDownload");
  const [ticked, setTicked] = useState(0);
  const [total, setTotal] = useState(0);
  const [ending, setEnding] = useState<{ id: string; client: string } | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  // A refusal belongs to the opening it answered: a dialog opened again (for this row or another) starts clean.
  const [refused, setRefused] = useState(false);
  const { state, onSubmit, pending } = useFormAction(endClientPartnershipAction);

  const root = () => document.getElementById(tableId);
  const boxes = () => [...(root()?.querySelectorAll<HTMLInputElement>("input[data-client-tick]") ?? [])];

  // The rows may have changed since the last count (a partnership ended and the page refreshed).
  function tickAll(on: boolean) {
    const all = boxes();
    for (const b of all) b.checked = on;
    setTotal(all.length);
    setTicked(on ? all.length : 0);
  }

  useEffect(() => {
    const el = document.getElementById(tableId);
    if (!el) return;
    const count = () => {
      const all = [...el.querySelectorAll<HTMLInputElement>("input[data-client-tick]")];
      setTotal(all.length);
      setTicked(all.filter((b) => b.checked).length);
    };
    const onChange = (e: Event) => {
      const box = e.target as HTMLInputElement;
      if (box.matches("[data-tick-all]")) for (const b of el.querySelectorAll<HTMLInputElement>("input[data-client-tick]")) b.checked = box.checked;
      count();
    };
    const onClick = (e: MouseEvent) => {
      const button = (e.target as HTMLElement).closest<HTMLElement>("[data-end-partnership]");
      if (!button) return;
      setEnding({ id: button.dataset.endPartnership!, client: button.dataset.client ?? "" });
      setRefused(false);
    };
    count();
    el.addEventListener("change", onChange);
    el.addEventListener("click", onClick);
    return () => {
      el.removeEventListener("change", onChange);
      el.removeEventListener("click", onClick);
    };
  }, [tableId]);

  // The header's box says whether the whole page is ticked (mixed when only some rows are).
  useEffect(() => {
    const all = document.getElementById(tableId)?.querySelector<HTMLInputElement>("input[data-tick-all]");
    if (!all) return;
    all.checked = total > 0 && ticked === total;
    all.indeterminate = ticked > 0 && ticked < total;
  }, [tableId, ticked, total]);

  // A successful end closes the dialog and says so (the row leaves with the page's refresh).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setRefused(!!state && !state.ok);
    if (state?.ok && ending) {
      setEnded(ending.client);
      setEnding(null);
    }
  }

  return (
    <>
      {ended ? (
        <p role="status" className="text-sm text-green-800">
          {t("ended", { client: ended })}
        </p>
      ) : null}
      {ticked > 0 ? (
        <div role="region" aria-label={td("barLabel")} className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg border border-slate-300 bg-white p-3 shadow-md" data-testid="selection-bar">
          <span className="text-sm font-medium">{td("ticked", { count: ticked })}</span>
          <Button type="submit" form={formId} name="scope" value="selected">
            {td("downloadTicked")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => tickAll(false)}>
            {td("clearTicks")}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={!!ending}
        onClose={() => setEnding(null)}
        title={t("endConfirm", { client: ending?.client ?? "" })}
        confirmLabel={t("endYes")}
        cancelLabel={t("cancel")}
        onSubmit={onSubmit}
        pending={pending}
        error={refused && state && !state.ok ? state.message : null}
      >
        <input type="hidden" name="partnershipId" value={ending?.id ?? ""} />
      </ConfirmDialog>
    </>
  );
}
