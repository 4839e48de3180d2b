"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { useMemo } from "react";

/** Scalar ships its UI in these languages; any other (Italian) falls back to its English. */
const SCALAR_LOCALES = new Set(["en", "fr", "de"]);

/**
 * Scalar's light palette, darkened where its text falls below WCAG AA (4.5:1) on its backgrounds: the
 * muted text and the HTTP method colours. The doubled class outranks the theme's own `.light-mode` rules.
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
}`;

/**
 * API-3: the Scalar renderer, configured to run offline under the Content-Security-Policy: no web fonts,
 * no telemetry, no AI agent or MCP panel, no hosted proxy and no link to Scalar's hosted client (the
 * "try it" requests go to this origin). The pasted token lives in the renderer's memory only
 * (`persistAuth: false`): nothing is written to localStorage, sessionStorage or a cookie, and a reload
 * forgets it. This module is loaded only by the /api-docs page (next/dynamic), so the renderer stays out
 * of every other page's bundle.
 */
export default function ScalarReference({ documentUrl, locale }: { documentUrl: string; locale: string }) {
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
      forceDarkModeState: "light" as const,
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
    [documentUrl, locale],
  );
  return <ApiReferenceReact configuration={configuration} />;
}
