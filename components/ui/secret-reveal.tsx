"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A secret shown once (a token, a secret link, backup codes): the highlighted block with its heading and
 * the "shown only now" notice, then the secret itself (`children`, often a SecretCopyField).
 */
export function SecretReveal({
  titleId,
  title,
  once,
  level = 3,
  testId,
  roomy = false,
  children,
}: {
  titleId: string;
  title: string;
  once: string;
  level?: 2 | 3;
  testId?: string;
  /** Wider spacing between the parts, for a secret that is a list. */
  roomy?: boolean;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={titleId} className={`${roomy ? "space-y-3" : "space-y-2"} rounded-md border border-amber-300 bg-amber-50 p-4`} data-testid={testId}>
      <Heading id={titleId} className="font-semibold">
        {title}
      </Heading>
      <Alert tone="info">{once}</Alert>
      {children}
    </section>
  );
}

/** The secret in a read-only field (selected on focus) with a copy button and a polite "copied" status. */
export function SecretCopyField({
  id,
  value,
  label,
  copyLabel,
  copiedLabel,
  testId,
}: {
  id: string;
  value: string;
  label: string;
  copyLabel: string;
  copiedLabel: string;
  testId?: string;
}) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input id={id} readOnly value={value} data-testid={testId} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
      <Button type="button" variant="secondary" onClick={copy}>
        {copyLabel}
      </Button>
      <span role="status" className="text-sm text-green-800">
        {copied ? copiedLabel : ""}
      </span>
    </div>
  );
}
