import type { ReactNode } from "react";
import { tagColorClasses } from "@/lib/tags/palette";

/** A tag's coloured label (TAG-1); colours come from the fixed accessible palette. */
export function TagChip({ name, color, children }: { name: string; color: string; children?: ReactNode }) {
  return (
    <span data-testid="tag-chip" data-color={color} className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${tagColorClasses(color).chip}`}>
      {name}
      {children}
    </span>
  );
}
