import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db";
import { DEVICE_COOKIE, deviceOverview } from "@/lib/two-factor/device-overview";
import { DevicePanel } from "./device-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devices"))("deviceTitle") };
}

/** 2FA-1: the paired device ("kAuth"): pending sign-in requests to approve or refuse, and the offline code. */
export default async function DevicePage() {
  const deviceSecret = (await cookies()).get(DEVICE_COOKIE)?.value;
  const [overview, t] = await Promise.all([deviceOverview(getDb(), deviceSecret), getTranslations("devices")]);
  if (!overview.paired) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">{t("deviceTitle")}</h1>
        <p className="text-sm text-slate-700" data-testid="device-state">
          {deviceSecret ? t("noLongerPaired") : t("notPaired")}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("deviceTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("deviceFor", { email: overview.maskedEmail })}</p>
      </div>
      <DevicePanel requests={overview.requests} offlineCode={overview.offlineCode} secondsLeft={overview.secondsLeft} />
    </div>
  );
}
