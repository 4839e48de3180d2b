/** The console's colour themes: "system" follows the device's prefers-color-scheme. */
export const THEMES = ["light", "dark", "system"] as const;
export type AppTheme = (typeof THEMES)[number];
export const DEFAULT_THEME: AppTheme = "system";
export const THEME_COOKIE = "manager.theme";

export function isTheme(v: unknown): v is AppTheme {
  return typeof v === "string" && (THEMES as readonly string[]).includes(v);
}
