"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { useMemo, useSyncExternalStore } from "react";
import { useThemeChoice } from "@/components/theme/theme-context";

/** Scalar ships its UI in these languages; any other (Italian) falls back to its English. */
const SCALAR_LOCALES = new Set(["en", "fr", "de"]);

/**
 * Scalar's palettes, darkened (light) or lightened (dark) where its text falls below WCAG AA (4.5:1) on its
 * backgrounds: the muted text and the HTTP method colours. The doubled class outranks the theme's own rules.
 */
const ACCESSIBLE_COLOURS = `
.light-mode.light-mode, .light-mode.light-mode .t-doc__sidebar {
  --scalar-color-2: #5c5c5c;
  --scalar-color-3: #666666;
  --scalar-color-green: #047857;
  --scalar-color-yellow: #854d0e;
  --scalar-color-orange: #9a3412;
  --scalar-color-red: #b91c1c;
  --scalar-color-blue: #1d4ed8;
  --scalar-color-purple: #6d28d9;
}
.dark-mode.dark-mode, .dark-mode.dark-mode .t-doc__sidebar {
  --scalar-color-2: #c4c4c4;
  --scalar-color-3: #a3a3a3;
  --scalar-color-green: #4ade80;
  --scalar-color-yellow: #facc15;
  --scalar-color-orange: #fb923c;
  --scalar-color-red: #f87171;
  --scalar-color-blue: #60a5fa;
  --scalar-color-purple: #c084fc;
}`;

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Whether the device prefers dark, kept up to date (false while rendering on the server). */
function useDevicePrefersDark(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(DARK_QUERY);
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
}

/**
 * API-3: the Scalar renderer, configured to run offline under the Content-Security-Policy: no web fonts,
 * no telemetry, no AI agent or MCP panel, no hosted proxy and no link to Scalar's hosted client (the
 * "try it" requests go to this origin). The pasted token lives in the renderer's memory only
 * (`persistAuth: false`): nothing is written to localStorage, sessionStorage or a cookie, and a reload
 * forgets it. This module is loaded only by the /api-docs page (next/dynamic), so the renderer stays out
 * of every other page's bundle.
 */
export default function ScalarReference({ documentUrl, locale }: { documentUrl: string; locale: string }) {
  // The user's theme (ACC-5); "system" follows the device, as the rest of the page does.
  const theme = useThemeChoice();
  const deviceDark = useDevicePrefersDark();
  const dark = theme === "dark" || (theme === "system" && deviceDark);
  const configuration = useMemo(
    () => ({
      url: documentUrl,
      persistAuth: false,
      telemetry: false,
      withDefaultFonts: false,
      showDeveloperTools: "never" as const,
      agent: { disabled: true },
      mcp: { disabled: true },
      hideClientButton: true,
      hideDarkModeToggle: true,
      forceDarkModeState: dark ? ("dark" as const) : ("light" as const),
      customCss: ACCESSIBLE_COLOURS,
      documentDownloadType: "none" as const,
      // Versions share summaries: the sidebar names each operation by its method and path.
      operationTitleSource: "path" as const,
      showOperationId: true,
      defaultOpenAllTags: true,
      defaultHttpClient: { targetKey: "shell" as const, clientKey: "curl" as const },
      featuredClients: ["shell/curl" as const, "js/fetch" as const, "python/requests" as const],
      authentication: { preferredSecurityScheme: "bearer" },
      localization: { locale: SCALAR_LOCALES.has(locale) ? locale : "en" },
    }),
    [documentUrl, locale, dark],
  );
  return <ApiReferenceReact configuration={configuration} />;
}
