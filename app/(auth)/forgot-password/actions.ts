"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { deliverPasswordReset } from "@/lib/accounts/deliver-password-reset";
import { requestPasswordReset, requestResetSchema } from "@/lib/accounts/password-reset";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";

export const requestResetAction = publicAction(requestResetSchema, async (input, { db }) => {
  const request = await requestPasswordReset(db, input, { ip: clientAddress(await headers()) });
  // SEC-2 / SEC-9: the answer goes out first; whether a mail follows is decided afterwards.
  if (request) after(() => deliverPasswordReset(db, request.requestId).catch((err: unknown) => console.error("password reset delivery failed", err)));
  return true;
});
