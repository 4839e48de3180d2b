import Link from "next/link";
import type { ReactNode } from "react";

type PageLink = { href: string; label: string } | null | undefined;

const LINK = "rounded border border-slate-300 px-3 py-1 hover:bg-slate-50";

/**
 * A list's paging links: previous/next (keyset cursors or page numbers, the caller builds the hrefs)
 * and an optional "page 2 of 5". Nothing is drawn when there is a single page.
 */
export function Pagination({ label, previous, next, current }: { label: string; previous?: PageLink; next?: PageLink; current?: ReactNode }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-3 text-sm">
      {previous ? (
        <Link href={previous.href} className={LINK}>
          {previous.label}
        </Link>
      ) : null}
      {current ? <span aria-current="page">{current}</span> : null}
      {next ? (
        <Link href={next.href} className={LINK}>
          {next.label}
        </Link>
      ) : null}
    </nav>
  );
}
