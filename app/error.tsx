"use client";

import { ErrorView } from "@/components/errors/error-view";

/** Any page or layout below the root that fails: the translated error page, inside the root layout. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
