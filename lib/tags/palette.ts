/**
 * The fixed accessible palette tags pick their colour from (TAG-2). Each entry pairs a light background
 * with dark text so the label keeps a contrast ratio above 4.5:1 (WCAG AA) whatever the colour.
 */
export const TAG_COLORS = ["slate", "red", "orange", "amber", "green", "teal", "blue", "indigo", "violet", "pink"] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/** Tailwind classes per colour: background, text and border, plus a swatch for the colour picker. */
export const TAG_COLOR_CLASSES: Record<TagColor, { chip: string; swatch: string }> = {
  slate: { chip: "bg-slate-100 text-slate-800 border-slate-300", swatch: "bg-slate-500" },
  red: { chip: "bg-red-100 text-red-800 border-red-300", swatch: "bg-red-600" },
  orange: { chip: "bg-orange-100 text-orange-900 border-orange-300", swatch: "bg-orange-500" },
  amber: { chip: "bg-amber-100 text-amber-900 border-amber-300", swatch: "bg-amber-400" },
  green: { chip: "bg-green-100 text-green-800 border-green-300", swatch: "bg-green-600" },
  teal: { chip: "bg-teal-100 text-teal-800 border-teal-300", swatch: "bg-teal-600" },
  blue: { chip: "bg-blue-100 text-blue-800 border-blue-300", swatch: "bg-blue-600" },
  indigo: { chip: "bg-indigo-100 text-indigo-800 border-indigo-300", swatch: "bg-indigo-600" },
  violet: { chip: "bg-violet-100 text-violet-800 border-violet-300", swatch: "bg-violet-600" },
  pink: { chip: "bg-pink-100 text-pink-800 border-pink-300", swatch: "bg-pink-600" },
};

export function tagColorClasses(color: string) {
  return TAG_COLOR_CLASSES[(TAG_COLORS as readonly string[]).includes(color) ? (color as TagColor) : "slate"];
}
