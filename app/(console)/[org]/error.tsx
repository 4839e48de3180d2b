"use client";

import { ErrorView } from "@/components/errors/error-view";

/** A console page that fails keeps the Organization's navigation around the translated error page. */
export default function ConsoleErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
