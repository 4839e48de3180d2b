import Link from "next/link";

/**
 * A sortable column header: a link that sorts by this column (or flips the direction when it is the
 * active one), with aria-sort on the active column and the action spelled out for screen readers.
 */
export function SortHeader({ label, active, dir, href, srLabel }: { label: string; active: boolean; dir: "asc" | "desc"; href: string; srLabel: string }) {
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2">
      <Link href={href} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span className="sr-only">{srLabel}</span>
        {active ? <span aria-hidden="true">{dir === "asc" ? "▲" : "▼"}</span> : null}
      </Link>
    </th>
  );
}
