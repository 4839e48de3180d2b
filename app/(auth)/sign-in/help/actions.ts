"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/http/action";
import { clientAddress } from "@/lib/http/client-address";
import { requestIdentityCheck } from "@/lib/identity/request-identity-check";
import { z } from "zod";

/** IDV-1: opens an identity check from the sign-in help; the service validates the form and limits requests. */
export const requestIdentityCheckAction = publicAction(z.record(z.string(), z.unknown()), async (input, { db }) => {
  const h = await headers();
  const { email } = await requestIdentityCheck(db, input, { ip: clientAddress(h), userAgent: h.get("user-agent") });
  return { email };
});
