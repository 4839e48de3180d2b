"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors";

/** What a server error may tell the browser: only its digest survives (Next.js hides the rest). */
function digestOf(error: unknown): string | undefined {
  const digest = error && typeof error === "object" ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === "string" ? digest : undefined;
}

/**
 * The error page, in the user's language: a database outage says "try again in a moment"; anything else
 * says something went wrong, with a reference to find it in the server's log. Never a stack trace.
 * Both offer to try again and a way back (the console, which sends a signed-out visitor to sign-in).
 */
export function ErrorView({ error, retry }: { error: unknown; retry?: () => void }) {
  const t = useTranslations("errorPage");
  const digest = digestOf(error);
  const unavailable = digest === DATABASE_UNAVAILABLE_DIGEST;
  useEffect(() => {
    // An error thrown in the browser itself is only visible here.
    if (!digest) console.error(error);
  }, [error, digest]);
  return (
    <div role="alert" className="mx-auto max-w-lg p-10 text-center" data-testid={unavailable ? "error-unavailable" : "error-page"}>
      <h1 className="text-2xl font-semibold">{t(unavailable ? "unavailableTitle" : "title")}</h1>
      <p className="mt-2 text-slate-600">{t(unavailable ? "unavailableBody" : "body")}</p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        {retry ? (
          <Button type="button" onClick={() => retry()}>
            {t("retry")}
          </Button>
        ) : null}
        <Link href="/" className="text-brand-700 underline">
          {t("home")}
        </Link>
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </div>
      {digest && !unavailable ? <p className="mt-6 text-xs text-slate-500">{t("reference", { digest })}</p> : null}
    </div>
  );
}
