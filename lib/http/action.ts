import "server-only";
import { getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getActor, type UserActor } from "@/lib/auth/get-actor";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mapError, type ErrorCode } from "./map-error";
import { parseInput } from "./parse-input";
import { translateError, type Translate } from "./translate-error";

export type ActionState<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> }
  | null;

/** Turns FormData into a plain object; repeated keys become arrays, checkboxes "on" stay strings. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  // A crafted request may call an action with anything: what is not a form is invalid input, not a crash.
  if (!(fd instanceof FormData)) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { _: ["validation.invalid"] });
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

/** Maps any failure to what the user may see, in their language; unknown errors are logged, never shown. */
export async function errorState(err: unknown): Promise<Exclude<ActionState, null | { ok: true }>> {
  const t = (await getTranslations()) as unknown as Translate;
  const mapped = mapError(err);
  return { ok: false, code: mapped.code, ...translateError(t, mapped) };
}

type Ctx = { db: Db; actor: UserActor };

/** The schema each wrapped action parses its form with: tests generate forms from it (SEC-5 fuzzing). */
const schemas = new WeakMap<object, z.ZodType>();

/** The zod schema of a server action made by `action()` / `publicAction()`, if it is one. */
export function actionSchema(fn: unknown): z.ZodType | undefined {
  return typeof fn === "function" ? schemas.get(fn) : undefined;
}

function registered<F extends object>(schema: z.ZodType, fn: F): F {
  schemas.set(fn, schema);
  return fn;
}

/**
 * Wraps a server action used with useActionState: resolves the actor, parses the form with zod, runs the
 * service and maps every error to a translated state. Services do their own authorization.
 */
export function action<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, ctx: Ctx) => Promise<R>,
): (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>> {
  return registered(schema, async (_prev: ActionState<R>, formData: FormData): Promise<ActionState<R>> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED");
      const input = parseInput(schema, formDataToObject(formData));
      const data = await handler(input, { db: getDb(), actor });
      return { ok: true, data };
    } catch (err) {
      unstable_rethrow(err);
      return errorState(err);
    }
  });
}

/**
 * Who an action outside the console session acts for (the session waiting at the second sign-in step, the
 * paired device): resolved before the input is read, so a caller who is not there is told to sign in again
 * whatever they sent (as `action()` does with the actor). It throws UNAUTHENTICATED when nobody is.
 */
export type Caller<C> = () => Promise<C>;

/**
 * The same for forms used while signed out (sign-up, password reset), or by a `caller` that is not a
 * console session (the second sign-in step).
 */
export function publicAction<S extends z.ZodType, R, C = undefined>(
  schema: S,
  handler: (input: z.output<S>, ctx: { db: Db; caller: C }) => Promise<R>,
  caller?: Caller<C>,
): (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>> {
  return registered(schema, async (_prev: ActionState<R>, formData: FormData): Promise<ActionState<R>> => {
    try {
      const who = (caller ? await caller() : undefined) as C;
      const input = parseInput(schema, formDataToObject(formData));
      const data = await handler(input, { db: getDb(), caller: who });
      return { ok: true, data };
    } catch (err) {
      unstable_rethrow(err);
      return errorState(err);
    }
  });
}

/**
 * A server action a component calls with arguments rather than a form (`answer(id, "approve")`): the
 * arguments are parsed as one tuple by `schema` (registered for the fuzz tests, as a form's schema is), after
 * the `caller` if the action needs one (see publicAction), and every error is mapped to a translated state.
 */
export function argumentsAction<S extends z.ZodType<unknown, unknown[]>, R, C = undefined>(
  schema: S,
  handler: (input: z.output<S>, ctx: { db: Db; caller: C }) => Promise<R>,
  caller?: Caller<C>,
): (...args: z.input<S>) => Promise<ActionState<R>> {
  return registered(schema, async (...args: z.input<S>): Promise<ActionState<R>> => {
    try {
      const who = (caller ? await caller() : undefined) as C;
      const input = parseInput(schema, args);
      const data = await handler(input, { db: getDb(), caller: who });
      return { ok: true, data };
    } catch (err) {
      unstable_rethrow(err);
      return errorState(err);
    }
  });
}
