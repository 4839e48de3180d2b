import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { PlainShell } from "@/components/shell/plain-shell";
import type { UserActor } from "@/lib/auth/get-actor";
import { getDb, type Db } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { requireStaffActor } from "../../backoffice-list";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";

/**
 * SUP-3: the loader the granted mail, drive and chat views share: staff only (anyone else gets the 404
 * page), a second factor on the session, then the granted-content service — whose refusal (not the
 * handler, no grant, grant ended) is the 404 page too. Answers the page to show instead, or what was read.
 */
export async function loadGranted<T>(read: (db: Db, actor: UserActor) => Promise<T>): Promise<{ ok: false; gate: ReactNode } | { ok: true; actor: UserActor; found: T }> {
  const actor = await requireStaffActor();
  if (!actor.secondFactor) return { ok: false, gate: <StaffTwoFactorRequired actor={actor} /> };
  return { ok: true, actor, found: await orNotFound(read(getDb(), actor), "INVALID_INPUT") };
}

/** The frame of a granted view: the way back to the request, the title, "read-only, logged", the content. */
export async function GrantedFrame({ actor, requestId, title, children }: { actor: UserActor; requestId: string; title: ReactNode; children: ReactNode }) {
  const tb = await getTranslations("backofficeSupport");
  return (
    <PlainShell actor={actor}>
      <div className="max-w-5xl space-y-4">
        <Link href={`/backoffice/support/${requestId}`} className="text-sm text-brand-700 underline">
          {tb("backToRequest")}
        </Link>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-600">{tb("readLogged")}</p>
        {children}
      </div>
    </PlainShell>
  );
}
