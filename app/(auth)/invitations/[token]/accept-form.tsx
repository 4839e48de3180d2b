"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { rememberCurrentAccount } from "@/app/_actions/remembered-accounts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { acceptInvitationAction, joinInvitationAction } from "./actions";

/** ACC-2: creates the account from the invitation, then signs in and opens the inviting Organization. */
export function AcceptInvitationForm({ token, email, locale }: { token: string; email: string; locale: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(acceptInvitationAction, null);
  const password = useRef("");
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state?.ok && state.data) {
      const { email: login, orgId } = state.data;
      void (async () => {
        const res = await signIn("credentials", { email: login, password: password.current, redirect: false });
        if (res?.ok) await rememberCurrentAccount();
        router.replace(res?.ok ? `/${orgId}/dashboard` : `/sign-in?email=${encodeURIComponent(login)}`);
        router.refresh();
      })();
    }
  }, [state, router]);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <Field label={t("auth.email")} name="email" type="email" value={email} readOnly autoComplete="username" />
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("auth.firstName")} name="firstName" autoComplete="given-name" required error={fe.firstName} />
        <Field label={t("auth.lastName")} name="lastName" autoComplete="family-name" required error={fe.lastName} />
      </div>
      <Field
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        help={t("auth.passwordHelp")}
        error={fe.password}
        onChange={(e) => (password.current = e.target.value)}
      />
      <Button type="submit" className="w-full" disabled={pending || !!state?.ok}>
        {pending || state?.ok ? t("invitations.creating") : t("invitations.create")}
      </Button>
    </form>
  );
}

/** ORG-2: the signed-in invitee joins with one click; the action redirects to the Organization. */
export function JoinInvitationForm({ token, label }: { token: string; label: string }) {
  const t = useTranslations("invitations");
  const [state, formAction, pending] = useActionState(joinInvitationAction, null);
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {pending ? t("joining") : label}
      </Button>
    </form>
  );
}
