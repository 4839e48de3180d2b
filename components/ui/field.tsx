import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-invalid:border-red-600";

/** What a control needs to be tied to its label, help and error. */
type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string };

type GroupProps = { id: string; label: string; error?: string; help?: ReactNode; className?: string };

/**
 * A form field's frame: the label tied to the control, the help and error below it tied with
 * aria-describedby, and aria-invalid while there is an error. The control itself is the caller's.
 */
export function FieldGroup({ id, label, error, help, className, children }: GroupProps & { children: (control: ControlProps) => ReactNode }) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`max-w-full ${className ?? ""}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: CONTROL })}
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Own = { label: string; name: string; error?: string; help?: ReactNode };

/** A labelled input whose error and help are tied to it for screen readers. */
export function Field({ label, name, error, help, id, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & Own) {
  return (
    <FieldGroup id={id ?? `f-${name}`} label={label} error={error} help={help} className={className}>
      {(control) => <input name={name} {...control} {...rest} />}
    </FieldGroup>
  );
}

/** A labelled select; `placeholder` adds a first, disabled "choose…" option. */
export function SelectField({
  label,
  name,
  error,
  help,
  id,
  className,
  options,
  placeholder,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & Own & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <FieldGroup id={id ?? `f-${name}`} label={label} error={error} help={help} className={className}>
      {(control) => (
        <select name={name} {...control} {...rest}>
          {placeholder !== undefined ? (
            <option value="" disabled>
              {placeholder}
            </option>
          ) : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldGroup>
  );
}

/** A labelled multi-line text field. */
export function TextareaField({ label, name, error, help, id, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & Own) {
  return (
    <FieldGroup id={id ?? `f-${name}`} label={label} error={error} help={help} className={className}>
      {(control) => <textarea name={name} {...control} {...rest} />}
    </FieldGroup>
  );
}
