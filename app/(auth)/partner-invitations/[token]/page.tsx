import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { findPartnerInvitation, mayAcceptFor } from "@/lib/partners/find-partner-invitation";
import { AcceptPartnerInvitationForm, RefusePartnerInvitationForm } from "./answer-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnerships"))("answer.pageTitle") };
}

/** SEC-5: an answer this refuses (a NUL, unknown) asks nothing first, with a notice. */
const querySchema = z.object({ answer: z.enum(["accept", "refuse"]).optional() });

/**
 * PRT-4: the link of a partner invitation. Anyone holding it sees what is offered and may refuse; only a
 * signed-in member of the partner Organization whose role takes on clients may accept (a forwarded link
 * alone never opens a client's Organization).
 */
export default async function PartnerInvitationPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  const [{ token }, sp] = await Promise.all([params, searchParams]);
  const {
    query: { answer },
    invalid,
  } = parsePageQuery(querySchema, sp);
  const db = getDb();
  const t = await getTranslations("partnerships");
  const view = await findPartnerInvitation(db, token);
  if (!view.usable) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("answer.invalidTitle")}</h1>
        <p role="alert" className="text-sm text-red-800">
          {t("answer.invalid")}
        </p>
        <Link href="/sign-in" className="text-brand-700 text-sm underline">
          {t("answer.goToSignIn")}
        </Link>
      </div>
    );
  }
  const names = { clientName: view.clientName, partnerName: view.partnerName };
  const actor = await getActor();
  const me = actor ? await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } }) : null;
  const mayAccept = actor ? await mayAcceptFor(db, actor.userId, view.partnerOrgId) : false;
  const here = `/partner-invitations/${token}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("answer.title", names)}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("answer.intro", names)}</p>
        <QueryNotice invalid={invalid} />
      </div>
      <div className="rounded-md bg-slate-50 p-3 text-sm">
        {view.access === "FULL" ? (
          <>
            <p>{t("answer.full")}</p>
            <p>{t("answer.payer", { payer: t(`payer.${view.payer}`) })}</p>
          </>
        ) : (
          <>
            <p>{t("answer.limited", { count: view.productCount })}</p>
            <ul className="ml-4 list-disc" data-testid="offered-products">
              {view.products.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {me ? <p className="text-sm text-slate-700">{t("answer.signedInAs", { email: me.email })}</p> : null}
      {mayAccept ? (
        <AcceptPartnerInvitationForm token={token} />
      ) : me ? (
        <p role="alert" className="text-sm text-amber-900">
          {t("errors.notPartnerMember")}
        </p>
      ) : (
        <Link
          href={`/sign-in?${new URLSearchParams({ next: here })}`}
          className="bg-brand-600 hover:bg-brand-700 inline-block rounded-md px-4 py-2 text-sm font-medium text-white"
        >
          {t("answer.signInToAccept")}
        </Link>
      )}
      <RefusePartnerInvitationForm token={token} clientName={view.clientName} confirmFirst={answer === "refuse"} />
    </div>
  );
}
