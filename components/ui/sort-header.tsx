import Link from "next/link";

export type SortDir = "asc" | "desc";

/** Where a sortable column's header points: its state and the link that sorts by it. */
export type SortLink = { active: boolean; dir: SortDir; href: string; srLabel: string };

/**
 * The header link of `column` in a list sorted by `current`: it sorts by this column, or flips the
 * direction when the column is the active one. `href` builds the list's URL for a sort.
 */
export function sortLink(column: string, current: { sort: string; dir: SortDir }, href: (sort: { sort: string; dir: SortDir }) => string, srLabel: string): SortLink {
  const active = current.sort === column;
  return { active, dir: current.dir, href: href({ sort: column, dir: active && current.dir === "asc" ? "desc" : "asc" }), srLabel };
}

/**
 * A sortable column header: a link that sorts by this column (or flips the direction when it is the
 * active one), with aria-sort on the active column and the action spelled out for screen readers.
 */
export function SortHeader({ label, active, dir, href, srLabel, className = "" }: SortLink & { label: string; className?: string }) {
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={className ? `px-3 py-2 ${className}` : "px-3 py-2"}>
      <Link href={href} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span className="sr-only">{srLabel}</span>
        {active ? <span aria-hidden="true">{dir === "asc" ? "▲" : "▼"}</span> : null}
      </Link>
    </th>
  );
}
