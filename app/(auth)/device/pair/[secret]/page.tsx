import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { describePairing } from "@/lib/two-factor/pair-push-device";
import { PairForm } from "./pair-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devices"))("pairTitle") };
}

/** 2FA-1: opened on the phone from the QR code; no Manager session is needed, the link is the proof. */
export default async function PairDevicePage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const [pairing, t] = await Promise.all([describePairing(getDb(), secret), getTranslations("devices")]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("pairTitle")}</h1>
      {pairing ? (
        <>
          <p className="text-sm text-slate-700">{t("pairIntro", { email: pairing.maskedEmail })}</p>
          <PairForm secret={secret} />
        </>
      ) : (
        <Alert tone="error">{t("errors.pairingInvalid")}</Alert>
      )}
    </div>
  );
}
