"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { completePushChallengeAction, startPushChallengeAction } from "./device-actions";
import { useFinishSignIn } from "./finish-sign-in";

type State = { kind: "waiting" } | { kind: "DENIED" } | { kind: "EXPIRED" } | { kind: "PASSED" } | { kind: "error"; message: string };

const POLL_MS = 2000;

/** 2FA-1: sends an approval request to the paired device and continues by itself once it says YES. */
export function PushApproval({ methodId, onUseCode }: { methodId: string; onUseCode: () => void }) {
  const t = useTranslations("devices");
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ kind: "waiting" });
  useFinishSignIn(state.kind === "PASSED");

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function run() {
      const started = await startPushChallengeAction(methodId);
      if (cancelled) return;
      if (!started?.ok || !started.data) return setState({ kind: "error", message: started?.ok === false ? started.message : "" });
      const { challengeId } = started.data;
      const poll = async () => {
        const res = await completePushChallengeAction(challengeId);
        if (cancelled) return;
        if (!res?.ok || !res.data) return setState({ kind: "error", message: res?.ok === false ? res.message : "" });
        if (res.data.state === "PENDING") timer = setTimeout(() => void poll(), POLL_MS);
        else setState({ kind: res.data.state });
      };
      timer = setTimeout(() => void poll(), POLL_MS);
    }
    void run();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [methodId, attempt]);

  const retry = () => {
    setState({ kind: "waiting" });
    setAttempt((n) => n + 1);
  };

  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite">
        {state.kind === "waiting" ? <Alert tone="info">{t("approveOnDevice")}</Alert> : null}
        {state.kind === "PASSED" ? <Alert tone="success">{t("approved")}</Alert> : null}
      </div>
      {state.kind === "DENIED" || state.kind === "EXPIRED" || state.kind === "error" ? (
        <div className="space-y-3">
          <Alert tone="error">{state.kind === "DENIED" ? t("denied") : state.kind === "EXPIRED" ? t("expired") : state.message}</Alert>
          <Button type="button" onClick={retry}>
            {t("sendAgain")}
          </Button>
        </div>
      ) : null}
      <button type="button" className="text-sm text-brand-700 underline" onClick={onUseCode}>
        {t("useOfflineCode")}
      </button>
    </div>
  );
}
