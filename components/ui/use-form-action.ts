"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/http/action";

type FormAction<R> = (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;

/**
 * useActionState for an edit form. React resets a form after an action passed to `<form action>` runs,
 * which would throw away what the user typed when the server refuses it; submitting from onSubmit keeps
 * the values (the `action` prop still works before hydration).
 */
export function useFormAction<R>(serverAction: FormAction<R>) {
  const [state, formAction, pending] = useActionState(serverAction, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, onSubmit, pending, fieldErrors };
}

/** Runs a server action and calls `onSuccess` once it succeeded (to close a form or announce the outcome). */
export function useNotifyingAction<R>(serverAction: FormAction<R>, onSuccess: () => void) {
  return useFormAction<R>(async (prev, formData) => {
    const result = await serverAction(prev, formData);
    if (result?.ok) onSuccess();
    return result;
  });
}

/**
 * For a form that stays on the page once saved: `saved` counts its successful saves, for SavedStatus
 * (components/ui/saved-status.tsx) to announce each one; it reads 0 while a refusal is shown.
 */
export function useSavingAction<R>(serverAction: FormAction<R>, onSuccess?: () => void) {
  const [count, setCount] = useState(0);
  const result = useNotifyingAction<R>(serverAction, () => {
    setCount((c) => c + 1);
    onSuccess?.();
  });
  return { ...result, saved: result.state?.ok ? count : 0 };
}
