"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_THEME, type AppTheme } from "@/lib/theme/themes";

const ThemeContext = createContext<AppTheme>(DEFAULT_THEME);

/** The theme the server resolved for this request (the root layout provides it), for the theme picker. */
export function ThemeProvider({ theme, children }: { theme: AppTheme; children: ReactNode }) {
  return <ThemeContext value={theme}>{children}</ThemeContext>;
}

export function useThemeChoice(): AppTheme {
  return useContext(ThemeContext);
}
