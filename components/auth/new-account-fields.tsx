"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { rememberCurrentAccount } from "@/lib/actions/remembered-accounts";
import { Field } from "@/components/ui/field";

type FieldErrors = Partial<Record<string, string>>;

/** First and last name, side by side, as sign-up and invitation acceptance ask them. */
export function NameFields({ errors }: { errors: FieldErrors }) {
  const t = useTranslations("auth");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t("firstName")} name="firstName" autoComplete="given-name" required error={errors.firstName} />
      <Field label={t("lastName")} name="lastName" autoComplete="family-name" required error={errors.lastName} />
    </div>
  );
}

/**
 * The password of a new account; with `passwordRef`, remembered in memory so that the account can be
 * signed in right after the server created it (see useSignInWhenCreated).
 */
export function NewPasswordField({ error, passwordRef }: { error?: string; passwordRef?: React.RefObject<string> }) {
  const t = useTranslations("auth");
  return (
    <Field
      label={t("password")}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      help={t("passwordHelp")}
      error={error}
      onChange={passwordRef ? (e) => (passwordRef.current = e.target.value) : undefined}
    />
  );
}

/** Once the server created the account, signs it in, remembers it on this browser and opens `target`. */
export function useSignInWhenCreated(created: { email: string } | null | undefined, target: (signedIn: boolean, email: string) => string) {
  const router = useRouter();
  const password = useRef("");
  const targetRef = useRef(target);
  useEffect(() => {
    targetRef.current = target;
  });
  useEffect(() => {
    if (!created) return;
    void (async () => {
      const res = await signIn("credentials", { email: created.email, password: password.current, redirect: false });
      if (res?.ok) await rememberCurrentAccount();
      router.replace(targetRef.current(!!res?.ok, created.email));
      router.refresh();
    })();
  }, [created, router]);
  return password;
}
