/**
 * Colour arithmetic for the dark palette (build time and tests only): CSS oklch()/hex values to sRGB,
 * WCAG relative luminance and contrast, and the contrast-keeping inversion the dark theme is made with.
 */

export type Rgb = [number, number, number]; // linear sRGB, 0…1

type Oklch = { l: number; c: number; h: number };

function oklchToLinear({ l, c, h }: Oklch): Rgb {
  const a = c * Math.cos((h * Math.PI) / 180);
  const b = c * Math.sin((h * Math.PI) / 180);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
}

function linearToOklch([r, g, b]: Rgb): Oklch {
  const l_ = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m_ = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s_ = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l_ + 0.793617785 * m_ - 0.0040720468 * s_;
  const A = 1.9779984951 * l_ - 2.428592205 * m_ + 0.4505937099 * s_;
  const B = 0.0259040371 * l_ + 0.7827717662 * m_ - 0.808675766 * s_;
  return { l: L, c: Math.hypot(A, B), h: ((Math.atan2(B, A) * 180) / Math.PI + 360) % 360 };
}

const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const toGamma = (v: number) => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
const clip = (v: number) => Math.min(1, Math.max(0, v));

/** Parses `#rgb`, `#rrggbb` or `oklch(L% C H)` (Tailwind's palette) to linear sRGB, clipped to the gamut. */
export function parseColour(css: string): Rgb {
  const v = css.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((x) => x + x).join("") : hex[1];
    return [0, 2, 4].map((i) => toLinear(parseInt(h.slice(i, i + 2), 16) / 255)) as Rgb;
  }
  const ok = /^oklch\(\s*([\d.]+)%\s+([\d.]+)\s+([\d.]+)\s*\)$/i.exec(v);
  if (ok) return oklchToLinear({ l: Number(ok[1]) / 100, c: Number(ok[2]), h: Number(ok[3]) }).map(clip) as Rgb;
  throw new Error(`unsupported colour: ${css}`);
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(toGamma(clip(v)) * 255).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1…21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The luminance a colour takes in the dark theme. (Y' + 0.05) = K / (Y + 0.05) turns every ratio
 * (Y1 + 0.05) / (Y2 + 0.05) into its exact inverse, so any two colours keep their contrast: what passes
 * WCAG AA in the light theme passes in the dark one. K puts white (the light theme's surfaces) at a dark
 * grey rather than black; only colours darker than that grey end up clipped to white.
 */
export const DARK_SURFACE_LUMINANCE = 0.008; // just below slate-900, the body text, so it is not clipped
const K = (DARK_SURFACE_LUMINANCE + 0.05) * 1.05;
export function darkLuminance(y: number): number {
  return Math.min(1, K / (y + 0.05) - 0.05);
}

function inGamut(rgb: Rgb): boolean {
  return rgb.every((v) => v >= -1e-7 && v <= 1 + 1e-7);
}

/** The colour of hue `h` (chroma at most `c`, reduced to stay in sRGB) whose luminance is `y`. */
function withLuminance(y: number, c: number, h: number): Rgb {
  const at = (l: number): Rgb => {
    let lo = 0;
    let hi = c;
    if (!inGamut(oklchToLinear({ l, c: hi, h }))) {
      for (let i = 0; i < 30; i++) {
        const mid = (lo + hi) / 2;
        if (inGamut(oklchToLinear({ l, c: mid, h }))) lo = mid;
        else hi = mid;
      }
      hi = lo;
    }
    return oklchToLinear({ l, c: hi, h }).map(clip) as Rgb;
  };
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (luminance(at(mid)) < y) lo = mid;
    else hi = mid;
  }
  return at((lo + hi) / 2);
}

/**
 * The dark-theme counterpart of a light-theme colour: same hue, comparable chroma, the inverted
 * luminance, rounded to the 8-bit hex the stylesheet carries. `tint` gives greys (white) a hue.
 */
export function darkCounterpart(css: string, tint?: { c: number; h: number }): string {
  const rgb = parseColour(css);
  const { c, h } = linearToOklch(rgb);
  const hue = c < 1e-4 && tint ? tint : { c, h };
  const target = darkLuminance(luminance(rgb));
  return nearestHex(withLuminance(target, hue.c, hue.h), target);
}

/** Of the 8-bit colours around `rgb`, the one whose luminance is closest to `target` (rounding moves it). */
function nearestHex(rgb: Rgb, target: number): string {
  const base = rgb.map((v) => Math.floor(toGamma(clip(v)) * 255));
  let best = { hex: toHex(rgb), err: Infinity };
  for (let i = 0; i < 8; i++) {
    const bytes = base.map((b, k) => Math.min(255, b + ((i >> k) & 1)));
    const candidate = bytes.map((b) => toLinear(b / 255)) as Rgb;
    const err = Math.abs(luminance(candidate) - target);
    if (err < best.err) best = { hex: toHex(candidate), err };
  }
  return best.hex;
}
