import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { findInvitation } from "@/lib/invitations/find-invitation";
import { AcceptInvitationForm, JoinInvitationForm } from "./accept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitations"))("pageTitle") };
}

/** ACC-2 / ORG-2: the link of an invitation e-mail. Public: the invitee usually has no account yet. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const t = await getTranslations("invitations");
  const view = await findInvitation(db, token);
  if (!view.usable) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("invalidTitle")}</h1>
        <p role="alert" className="text-sm text-red-800">
          {t("invalid")}
        </p>
        <Link href="/sign-in" className="text-brand-700 text-sm underline">
          {t("goToSignIn")}
        </Link>
      </div>
    );
  }

  const names = { organizationName: view.organizationName, inviterName: view.inviterName };
  const actor = await getActor();
  const me = actor ? await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } }) : null;
  let body;
  if (me && me.email === view.email) {
    body = (
      <>
        <p className="text-sm text-slate-700">{t("signedInAs", { email: me.email })}</p>
        <JoinInvitationForm token={token} label={t("join", names)} />
      </>
    );
  } else if (me) {
    body = (
      <p role="alert" className="text-sm text-amber-900">
        {t("otherAccount", { email: view.email })}
      </p>
    );
  } else if (view.accountExists) {
    body = (
      <>
        <p className="text-sm text-slate-700">{t("accountExists", { email: view.email })}</p>
        <Link
          href={`/sign-in?${new URLSearchParams({ email: view.email, next: `/invitations/${token}` })}`}
          className="bg-brand-600 hover:bg-brand-700 inline-block rounded-md px-4 py-2 text-sm font-medium text-white"
        >
          {t("signInToAccept")}
        </Link>
      </>
    );
  } else {
    body = <AcceptInvitationForm token={token} email={view.email} locale={await getLocale()} />;
  }

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("acceptTitle", names)}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("acceptIntro", names)}</p>
      </div>
      {body}
    </div>
  );
}
