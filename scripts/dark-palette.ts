/**
 * Writes app/theme-dark.css: the dark value of every palette colour the console uses, so the palette
 * classes (bg-white, text-slate-900, bg-brand-600, …) follow the theme. Run from the repository after
 * adding a palette or changing a light value: `npx tsx scripts/dark-palette.ts` (a unit test fails while
 * the file is stale).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { DARK_CSS, darkPaletteCss } from "../lib/theme/dark-palette";

writeFileSync(DARK_CSS, darkPaletteCss());
console.log(`wrote ${path.relative(process.cwd(), DARK_CSS)}`);
