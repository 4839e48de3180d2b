import Link from "next/link";
import type { ReactNode } from "react";

const CONTROL = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * A list's filters: a GET form (the view lives in the URL, so it can be shared and reloaded) with an
 * "apply" button and, when something is filtered, a link that clears the filters.
 */
export function FilterForm({ action, label, submitLabel, clear, children }: { action: string; label: string; submitLabel: string; clear?: { href: string; label: string } | null; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {submitLabel}
      </button>
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
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled search box of a filter form. */
export function SearchFilter({ id, name, label, placeholder, value, maxLength }: { id: string; name: string; label: string; placeholder?: string; value: string | undefined; maxLength?: number }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={id} name={name} type="search" defaultValue={value ?? ""} placeholder={placeholder} maxLength={maxLength} className={`${CONTROL} w-64`} />
    </div>
  );
}

/** A labelled slot for a custom control (e.g. the tag picker), styled like the other filters. */
export function FilterSlot({ id, label, children }: { id: string; label: string; children: (className: string) => ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children(CONTROL)}
    </div>
  );
}
