import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldGroup, SelectField } from "@/components/ui/field";

/**
 * A list's filters: a GET form (the view lives in the URL, so it can be shared and reloaded) with an
 * "apply" button and, when something is filtered, a link that clears the filters.
 */
export function FilterForm({ action, label, submitLabel, clear, children }: { action: string; label: string; submitLabel: string; clear?: { href: string; label: string } | null; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      {children}
      <Button type="submit">{submitLabel}</Button>
      {clear ? (
        <Link href={clear.href} className="py-2 text-sm text-brand-700 underline">
          {clear.label}
        </Link>
      ) : null}
    </form>
  );
}

export type Option = { value: string; label: string };

/** A labelled filter select; the first option ("all …") has the empty value. */
export function SelectFilter({ id, name, label, allLabel, options, value }: { id: string; name: string; label: string; allLabel: string; options: Option[]; value: string | undefined }) {
  return <SelectField id={id} name={name} label={label} options={[{ value: "", label: allLabel }, ...options]} defaultValue={value ?? ""} />;
}

/** A labelled search box of a filter form. */
export function SearchFilter({ id, name, label, placeholder, value, maxLength }: { id: string; name: string; label: string; placeholder?: string; value: string | undefined; maxLength?: number }) {
  return <Field id={id} name={name} type="search" label={label} placeholder={placeholder} defaultValue={value ?? ""} maxLength={maxLength} className="w-64" />;
}

/** A labelled slot for a custom control (e.g. the tag picker), styled like the other filters. */
export function FilterSlot({ id, label, children }: { id: string; label: string; children: (className: string) => ReactNode }) {
  return (
    <FieldGroup id={id} label={label}>
      {(control) => children(control.className)}
    </FieldGroup>
  );
}
