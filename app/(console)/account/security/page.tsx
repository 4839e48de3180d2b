import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlainShell } from "@/components/shell/plain-shell";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/get-actor";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { securityOverview } from "@/lib/two-factor/security-overview";
import { AppPasswordsSection } from "./app-passwords-section";
import { RegenerateBackupCodes } from "./backup-codes-panel";
import { CredentialsSection } from "./credentials-section";
import { MakeDefaultButton } from "./make-default-button";
import { DisableTwoFactorButton, RemoveMethodButton } from "./method-actions";
import { PushSetup } from "./push-setup";
import { SecureAccountForm } from "./secure-account-form";
import { RevokeOtherSessionsButton, RevokeSessionButton } from "./session-actions";
import { SmsSetup } from "./sms-setup";
import { TotpSetup } from "./totp-setup";
import { Section } from "@/components/ui/section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

/** The account's security page: two-step verification, backup codes, sessions and security events. */
export default async function SecurityPage() {
  const actor = await requireActor();
  const db = getDb();
  const [overview, user, t, format] = await Promise.all([
    securityOverview(db, actor),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } }),
    getTranslations("security"),
    getFormatter(),
  ]);
  const provider = config.providerName;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const methodName = (m: { type: "TOTP" | "PUSH" | "SMS"; label: string }) => (m.label ? `${t(`methodType.${m.type}`)} · ${m.label}` : t(`methodType.${m.type}`));
  const device = (s: { browser: string | null; os: string | null }) =>
    s.browser && s.os ? t("deviceBrowserOs", { browser: s.browser, os: s.os }) : (s.browser ?? s.os ?? t("unknownDevice"));
  const eventLabel = (action: string) => {
    const key = `events.${action.replace(/^auth\./, "")}`;
    return t.has(key) ? t(key) : t("events.other");
  };

  return (
    <PlainShell actor={actor}>
      <div className="max-w-4xl space-y-8">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>

        <CredentialsSection actor={actor} />

        {/* SEC-8: also offered after a password reset (the sign-in page links here). */}
        <Section id="compromised-heading" title={t("compromised.heading")} testId="compromised">
          <p className="text-sm">{t("compromised.intro")}</p>
          <ul className="list-disc pl-5 text-sm">
            <li>{t("compromised.stepSessions")}</li>
            <li>{t("compromised.stepAppPasswords")}</li>
            <li>{t("compromised.stepApiTokens")}</li>
          </ul>
          <p className="text-sm text-slate-600">
            {t.rich("compromised.review", {
              sessions: (chunks) => (
                <a href="#sessions-heading" className="text-brand-700 underline">
                  {chunks}
                </a>
              ),
              events: (chunks) => (
                <a href="#events-heading" className="text-brand-700 underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
          <SecureAccountForm />
        </Section>

        <Section id="two-factor-heading" title={t("twoFactorHeading")}>
          <p className="text-sm" data-testid="two-factor-status">
            {overview.enabled ? t("statusOn") : t("statusOff")}
          </p>
          {overview.methods.length > 0 ? (
            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
              {overview.methods.map((m) => (
                <li key={m.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
                  <div>
                    <p className="font-medium">
                      {methodName(m)}
                      {m.isDefault ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">{t("defaultBadge")}</span> : null}
                    </p>
                    <p className="text-xs text-slate-600">{t("addedOn", { date: when(m.confirmedAt) })}</p>
                  </div>
                  <div className="flex flex-wrap items-start gap-2">
                    {m.isDefault ? null : <MakeDefaultButton methodId={m.id} name={methodName(m)} />}
                    <RemoveMethodButton methodId={m.id} name={methodName(m)} last={overview.methods.length === 1} />
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          <TotpSetup email={user.email} provider={provider} needsPassword={overview.enabled} />
          <div className="flex flex-wrap gap-2">
            <PushSetup email={user.email} provider={provider} />
            <SmsSetup email={user.email} provider={provider} />
          </div>
          <DisableTwoFactorButton enabled={overview.enabled} />
        </Section>

        {overview.enabled ? (
          <Section id="backup-heading" title={t("backupHeading")}>
            <p className="text-sm text-slate-600">{t("backupExplain")}</p>
            <p className="text-sm font-medium" data-testid="backup-codes-left">
              {t("backupLeft", { count: overview.backupCodesLeft })}
            </p>
            {overview.backupCodesLow ? <Alert tone="error">{t("backupLow")}</Alert> : null}
            <RegenerateBackupCodes email={user.email} provider={provider} />
          </Section>
        ) : null}

        <AppPasswordsSection actor={actor} />

        <Section id="sessions-heading" title={t("sessionsHeading")}>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="sessions">
            {overview.sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
                <div className="text-sm">
                  <p className="font-medium">
                    {device(s)}
                    {s.current ? <span className="ml-2 rounded bg-green-50 px-2 py-0.5 text-xs text-green-800">{t("thisDevice")}</span> : null}
                    {!s.twoFactorPassed ? <span className="ml-2 rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800">{t("pendingSecondStep")}</span> : null}
                  </p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
                    <dt>{t("sessionIp")}</dt>
                    <dd>{s.ip ?? "—"}</dd>
                    <dt>{t("sessionCreated")}</dt>
                    <dd>{when(s.createdAt)}</dd>
                    <dt>{t("sessionLastSeen")}</dt>
                    <dd>{when(s.lastSeenAt)}</dd>
                  </dl>
                </div>
                {s.current ? null : <RevokeSessionButton sessionId={s.id} device={device(s)} />}
              </li>
            ))}
          </ul>
          {overview.sessions.length > 1 ? <RevokeOtherSessionsButton /> : null}
        </Section>

        <Section id="events-heading" title={t("eventsHeading")}>
          <DataTable
            caption={t("eventsHeading")}
            rows={overview.events}
            rowKey={(e) => e.id}
            empty={t("noEvents")}
            columns={[
              { key: "when", label: t("eventWhen"), className: "whitespace-nowrap", cell: (e) => when(e.at) },
              { key: "what", label: t("eventWhat"), cell: (e) => eventLabel(e.action) },
              { key: "ip", label: t("sessionIp"), cell: (e) => e.ip ?? "—" },
            ]}
          />
        </Section>
      </div>
    </PlainShell>
  );
}
