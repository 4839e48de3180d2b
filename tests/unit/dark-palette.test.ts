import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { contrast, parseColour } from "@/lib/theme/colour";
import { DARK_CSS, darkPaletteCss, lightPalette, THEMED_PALETTES } from "@/lib/theme/dark-palette";

/** The dark values the stylesheet really carries (its first block, `:root[data-theme="dark"]`). */
function darkValues(): Map<string, string> {
  const css = readFileSync(DARK_CSS, "utf8");
  const block = css.slice(css.indexOf(':root[data-theme="dark"]'), css.indexOf("}"));
  return new Map([...block.matchAll(/--color-([a-z]+(?:-\d+)?):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const CLIPPED = ["slate-950", "gray-950", "black"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(tsx?|css)$/.test(e.name) && !p.endsWith("theme-dark.css") ? [p] : [];
  });
}

describe("dark palette", () => {
  test("[ACC-5] the committed dark stylesheet is the generator's output (run scripts/dark-palette.ts after a change)", () => {
    expect(readFileSync(DARK_CSS, "utf8")).toBe(darkPaletteCss());
  });

  test("[ACC-5] the system choice follows prefers-color-scheme with the same values as the dark choice", () => {
    const css = readFileSync(DARK_CSS, "utf8");
    const media = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
    expect(media).toContain(':root[data-theme="system"]');
    const system = new Map([...media.matchAll(/--color-([a-z]+(?:-\d+)?):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
    expect(system).toEqual(darkValues());
  });

  test("[ACC-5] every pair of palette colours meeting WCAG AA in the light theme meets it in the dark theme", () => {
    const light = lightPalette();
    const dark = darkValues();
    expect([...light.keys()].sort()).toEqual([...dark.keys()].sort());
    // Colours darker than the dark surface (slate-950, gray-950, black) have no darker counterpart to
    // take: they become white, losing a little contrast. The console does not use them (test below).
    const names = [...light.keys()].filter((n) => !CLIPPED.includes(n));
    const failures: string[] = [];
    for (const a of names) {
      for (const b of names) {
        if (a >= b) continue;
        const before = contrast(parseColour(light.get(a)!), parseColour(light.get(b)!));
        const after = contrast(parseColour(dark.get(a)!), parseColour(dark.get(b)!));
        // 4.5: normal text; 3: large text and the outlines of controls.
        for (const threshold of [4.5, 3]) {
          // A pair sitting exactly on the threshold in light may land a hair below it after 8-bit rounding.
          const floor = before < threshold + 0.02 ? threshold - 0.02 : threshold;
          if (before >= threshold && after < floor) failures.push(`${a} / ${b}: ${before.toFixed(2)} → ${after.toFixed(2)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test("[ACC-5] the body text and a primary button keep AA contrast in the dark theme", () => {
    const dark = darkValues();
    const c = (a: string, b: string) => contrast(parseColour(dark.get(a)!), parseColour(dark.get(b)!));
    expect(c("slate-900", "slate-50")).toBeGreaterThanOrEqual(4.5);
    expect(c("slate-600", "white")).toBeGreaterThanOrEqual(4.5);
    expect(c("white", "brand-600")).toBeGreaterThanOrEqual(4.5);
    expect(c("red-700", "white")).toBeGreaterThanOrEqual(4.5);
    // And the surfaces really are dark.
    expect(contrast(parseColour(dark.get("white")!), parseColour("#000"))).toBeLessThan(1.5);
  });

  test("[ACC-5] every palette class the console uses follows the theme", () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib/tags")]) {
      for (const m of readFileSync(file, "utf8").matchAll(/\b(?:bg|text|border|ring|outline|fill|stroke|from|via|to|divide|placeholder|accent|decoration|caret)-([a-z]+)-(?:50|[1-9]00|950)\b/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((p) => !THEMED_PALETTES.includes(p))).toEqual([]);
  });

  test("[ACC-5] the console uses no colour darker than the dark theme's surfaces", () => {
    const found: string[] = [];
    for (const file of [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib/tags")]) {
      for (const m of readFileSync(file, "utf8").matchAll(/\b[a-z]+-(slate-950|gray-950|black)\b/g)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
