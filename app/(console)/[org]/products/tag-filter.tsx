"use client";

import type { TagOption } from "@/components/tags/tag-combobox";

/**
 * The list's tag filter. A client component on purpose: it receives the same `tags` array as the table's
 * tag cells, which the page payload then carries once, instead of one server-rendered option per tag
 * on top of it (an Organization may have a thousand tags).
 */
export function TagFilter({ id, tags, value, allLabel, className }: { id: string; tags: TagOption[]; value: string; allLabel: string; className: string }) {
  return (
    <select id={id} name="tagId" defaultValue={value} className={className}>
      <option value="">{allLabel}</option>
      {tags.map((tag) => <option key={tag.id} value={tag.id}>{tag.name}</option>)}
    </select>
  );
}
