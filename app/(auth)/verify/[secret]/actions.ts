"use server";

import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";
import { confirmPhone, confirmPhoneSchema } from "@/lib/identity/confirm-phone";
import { sendPhoneCode, sendPhoneCodeSchema } from "@/lib/identity/send-phone-code";

async function requestMeta() {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: h.get("user-agent") };
}

// Whoever holds the case link may take these steps: the services check the link's secret.
export const sendPhoneCodeAction = publicAction(sendPhoneCodeSchema, async (input, { db }) => {
  return sendPhoneCode(db, input, await getLocale(), await requestMeta());
});

export const confirmPhoneAction = publicAction(confirmPhoneSchema, async (input, { db }) => {
  await confirmPhone(db, input, await requestMeta());
});
