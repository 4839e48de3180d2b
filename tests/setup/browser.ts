import { existsSync } from "node:fs";

/**
 * The Chromium the end-to-end tests drive, so `npm test` needs nothing installed by hand:
 * `PLAYWRIGHT_CHROMIUM_PATH` when set, else a system Chromium when present, else the build shipped
 * inside the `@sparticuz/chromium` npm package (unpacked into the temporary folder on first use).
 */
export async function chromiumExecutable(): Promise<string> {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) return configured;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return candidate;
  }
  const { default: bundled } = await import("@sparticuz/chromium");
  return bundled.executablePath();
}
