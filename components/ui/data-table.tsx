import type { InputHTMLAttributes, ReactNode } from "react";
import { SortHeader, type SortLink } from "@/components/ui/sort-header";

export type Column<T> = {
  key: string;
  label: string;
  /** The header is read by screen readers only (a column of row actions). */
  hiddenLabel?: boolean;
  /** A control that names itself drawn in the header cell instead of the label (a server table's "tick all" box). */
  header?: ReactNode;
  /** A sortable column: where its header links to (see `sortLink`). */
  sort?: SortLink;
  cell: (row: T) => ReactNode;
  /** The cell names its row for screen readers (`<th scope="row">`). */
  rowHeader?: boolean;
  className?: string;
  headerClassName?: string;
  testId?: string;
};

/**
 * Ticked rows for bulk actions. Client tables only (it takes callbacks): the page keeps the set
 * (`useSelection`), the table draws the checkboxes and the "select all" box.
 */
export type Selection<T> = {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** The id a ticked row adds to `selected` (the row's key unless given). */
  id?: (row: T) => string;
  allLabel: string;
  rowLabel: (row: T) => string;
  /** Rows that cannot be ticked get an empty cell. */
  selectable?: (row: T) => boolean;
  /** Extra attributes of a row's checkbox (`form`, `name`, `value` to post the selection). */
  inputProps?: (row: T) => InputHTMLAttributes<HTMLInputElement>;
};

export type DataTableProps<T> = {
  /** What the table lists: its caption, shown to screen readers only unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown in a full-width row when there are no rows. */
  empty: ReactNode;
  selection?: Selection<T>;
  testId?: string;
  rowTestId?: string;
  className?: string;
};

const CELL = "px-3 py-2";
/**
 * On a narrow screen the table scrolls inside its own box and its first column stays in view (the
 * selection box, then the column that names the row). Sticky cells take the background of the table's box
 * (every level in between inherits it), so the cells scrolling under them do not show through.
 */
const STICKY_SELECT = "sticky left-0 z-10 bg-inherit";
const STICKY_FIRST = "sticky z-10 bg-inherit";

/**
 * The console's data table: caption, column headers (sortable ones with aria-sort), optional row
 * selection and an empty state. It has no state of its own, so a server component renders it on the
 * server and a client table (products, users) in the browser.
 */
export function DataTable<T>({ caption, showCaption, columns, rows, rowKey, empty, selection, testId, rowTestId, className = "" }: DataTableProps<T>) {
  const selectable = selection ? rows.filter((r) => selection.selectable?.(r) ?? true) : [];
  const selectionId = selection?.id ?? rowKey;
  const ticked = selection ? selectable.filter((r) => selection.selected.has(selectionId(r))).length : 0;
  // The first column sticks after the 2.5rem selection column, if any.
  const stickyFirst = `${STICKY_FIRST} ${selection ? "left-10" : "left-0"}`;
  return (
    // A box that scrolls sideways is a labelled region keyboard users can focus and scroll (WCAG 2.1.1).
    <div role="region" aria-label={caption} tabIndex={0} className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white ${className}`}>
      <table className="min-w-full bg-inherit text-left text-sm" data-testid={testId}>
        <caption className={showCaption ? "px-3 py-2 text-left font-medium" : "sr-only"}>{caption}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr className="bg-inherit">
            {selection ? (
              <th scope="col" className={`w-10 ${CELL} ${STICKY_SELECT}`}>
                <input
                  type="checkbox"
                  aria-label={selection.allLabel}
                  checked={selectable.length > 0 && ticked === selectable.length}
                  disabled={selectable.length === 0}
                  onChange={(e) => selection.onChange(new Set(e.target.checked ? selectable.map(selectionId) : []))}
                />
              </th>
            ) : null}
            {columns.map((c, i) =>
              c.sort ? (
                <SortHeader key={c.key} label={c.label} {...c.sort} className={i === 0 ? stickyFirst : ""} />
              ) : (
                <th key={c.key} scope="col" className={`${CELL} ${i === 0 ? stickyFirst : ""} ${c.headerClassName ?? ""}`}>
                  {c.header ?? (c.hiddenLabel ? <span className="sr-only">{c.label}</span> : c.label)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-inherit">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + (selection ? 1 : 0)} className="px-3 py-6 text-center text-slate-600">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => {
            const key = rowKey(row);
            return (
              <tr key={key} data-testid={rowTestId} className="bg-inherit">
                {selection ? (
                  <td className={`w-10 ${CELL} ${STICKY_SELECT}`}>
                    {(selection.selectable?.(row) ?? true) ? (
                      <input
                        type="checkbox"
                        aria-label={selection.rowLabel(row)}
                        checked={selection.selected.has(selectionId(row))}
                        onChange={(e) => {
                          const next = new Set(selection.selected);
                          if (e.target.checked) next.add(selectionId(row));
                          else next.delete(selectionId(row));
                          selection.onChange(next);
                        }}
                        {...selection.inputProps?.(row)}
                      />
                    ) : null}
                  </td>
                ) : null}
                {columns.map((c, i) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={`${CELL} font-medium ${i === 0 ? stickyFirst : ""} ${c.className ?? ""}`} data-testid={c.testId}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={`${CELL} ${i === 0 ? stickyFirst : ""} ${c.className ?? ""}`} data-testid={c.testId}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
