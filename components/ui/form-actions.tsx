import { Button } from "@/components/ui/button";

/** A form's buttons: submit (disabled while the action runs) and, when the form can be closed, cancel. */
export function FormActions({
  submitLabel,
  pending,
  danger = false,
  cancelLabel,
  onCancel,
}: {
  submitLabel: string;
  pending?: boolean;
  /** The submit button destroys something (red). */
  danger?: boolean;
  cancelLabel?: string;
  onCancel?: () => void;
}) {
  return (
    <div className="flex gap-2">
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button type="button" variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
      ) : null}
    </div>
  );
}
