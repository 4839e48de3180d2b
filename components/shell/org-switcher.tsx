import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { ShellCache, shellKey } from "@/lib/shell/shell-cache";

type Org = { id: string; name: string; role: Role };
type Props = { current: Omit<Org, "role"> & { role: Role | null }; orgs: Org[] };

const drawn = new ShellCache<ReactNode>();

/** Drawn once per language and list of Organizations shown (names, roles, the current one), then reused. */
export async function OrgSwitcher({ current, orgs }: Props) {
  const key = shellKey(await getLocale(), current.id, current.name, current.role, orgs.map((o) => [o.id, o.name, o.role]));
  return drawn.get(key, () => drawOrgSwitcher({ current, orgs }));
}

/**
 * ACC-6: lists every Organization of the user with their role; switching keeps the user signed in. The
 * current one may be a client the user manages as a partner (role null: not a member of it).
 */
async function drawOrgSwitcher({ current, orgs }: Props) {
  const t = await getTranslations();
  return (
    <details className="relative min-w-0" data-testid="org-switcher">
      <summary className="flex max-w-full cursor-pointer list-none items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm hover:bg-slate-50">
        <span className="sr-only">{t("shell.switchOrganizationLabel")}</span>
        <span className="truncate font-medium">{current.name}</span>
        {current.role ? null : <span className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("shell.partnerAccess")}</span>}
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-72 max-w-[calc(100vw-6rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-3 py-1 text-xs font-semibold uppercase text-slate-500">{t("shell.yourOrganizations")}</p>
        <ul>
          {orgs.map((o) => (
            <li key={o.id}>
              <Link
                href={`/${o.id}/dashboard`}
                aria-current={o.id === current.id ? "true" : undefined}
                className="block rounded px-3 py-2 text-sm hover:bg-slate-100 aria-[current]:bg-brand-50"
              >
                <span className="block font-medium">{o.name}</span>
                <span className="block text-xs text-slate-600">{t(`roles.${o.role}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
