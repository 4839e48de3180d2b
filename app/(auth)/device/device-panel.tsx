"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DeviceRequest } from "@/lib/two-factor/device-overview";
import { answerRequestAction } from "./actions";

const REFRESH_MS = 2500;

/** Refreshes itself every few seconds, so new requests and the next offline code appear without a reload. */
export function DevicePanel({ requests, offlineCode, secondsLeft }: { requests: DeviceRequest[]; offlineCode: string; secondsLeft: number }) {
  const t = useTranslations("devices");
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);

  return (
    <div className="space-y-5">
      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" className="font-semibold">
          {t("requestsHeading")}
        </h2>
        {requests.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noRequests")}</p>
        ) : (
          <ul className="space-y-3">
            {requests.map((r) => (
              <RequestItem key={r.id} request={r} onAnswered={() => router.refresh()} />
            ))}
          </ul>
        )}
      </section>
      <OfflineCode key={`${offlineCode}-${secondsLeft}`} code={offlineCode} secondsLeft={secondsLeft} />
    </div>
  );
}

function RequestItem({ request, onAnswered }: { request: DeviceRequest; onAnswered: () => void }) {
  const t = useTranslations("devices");
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const answer = (a: "approve" | "deny") =>
    startTransition(async () => {
      const res = await answerRequestAction(request.id, a);
      if (res?.ok) onAnswered();
      else setError(res?.message ?? null);
    });
  const from = request.browser && request.os ? t("browserOnOs", { browser: request.browser, os: request.os }) : (request.browser ?? request.os ?? t("unknownBrowser"));
  return (
    <li className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="sign-in-request">
      <p className="font-medium">{t("requestQuestion")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-slate-600">{t("requestFrom")}</dt>
        <dd>{from}</dd>
        <dt className="text-slate-600">{t("requestIp")}</dt>
        <dd>{request.ip ?? "—"}</dd>
        <dt className="text-slate-600">{t("requestWhen")}</dt>
        <dd>{format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
      </dl>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="button" disabled={pending} onClick={() => answer("approve")}>
          {t("yes")}
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={() => answer("deny")}>
          {t("no")}
        </Button>
      </div>
    </li>
  );
}

/** The offline code (2FA-1) with a visible countdown to the next one. */
function OfflineCode({ code, secondsLeft }: { code: string; secondsLeft: number }) {
  const t = useTranslations("devices");
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <section aria-labelledby="offline-heading" className="space-y-2 rounded-md border border-slate-200 p-3">
      <h2 id="offline-heading" className="font-semibold">
        {t("offlineHeading")}
      </h2>
      <p className="text-sm text-slate-600">{t("offlineExplain")}</p>
      <p className="font-mono text-3xl tracking-widest" data-testid="offline-code">
        {code.slice(0, 3)} {code.slice(3)}
      </p>
      <p className="text-sm text-slate-600">{t("offlineCountdown", { seconds: left })}</p>
      <div className="h-1.5 w-full rounded bg-slate-200" aria-hidden="true">
        <div className="h-1.5 rounded bg-brand-600" style={{ width: `${(left / 30) * 100}%` }} />
      </div>
    </section>
  );
}
