"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { NameFields, NewPasswordField, useSignInWhenCreated } from "@/components/auth/new-account-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { acceptInvitationAction, joinInvitationAction } from "./actions";

/** ACC-2: creates the account from the invitation, then signs in and opens the inviting Organization. */
export function AcceptInvitationForm({ token, email, locale }: { token: string; email: string; locale: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(acceptInvitationAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const created = state?.ok ? state.data : null;
  const passwordRef = useSignInWhenCreated(created, (signedIn, login) =>
    signedIn && created ? `/${created.orgId}/dashboard` : `/sign-in?email=${encodeURIComponent(login)}`,
  );

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <Field label={t("auth.email")} name="email" type="email" value={email} readOnly autoComplete="username" />
      <NameFields errors={fe} />
      <NewPasswordField error={fe.password} passwordRef={passwordRef} />
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
