"use server";

import { headers } from "next/headers";
import type { AnonymousActor } from "@/lib/access/actor";
import { getActor } from "@/lib/auth/get-actor";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";
import { submitTender, submitTenderSchema } from "@/lib/tenders/submit-tender";

/** TND-1: a visitor or a signed-in customer submits a call for tenders (limited per client address). */
export const submitTenderAction = publicAction(submitTenderSchema, async (input, { db }) => {
  const h = await headers();
  const visitor: AnonymousActor = { kind: "anonymous", ip: clientAddress(h), userAgent: h.get("user-agent") };
  return submitTender(db, (await getActor()) ?? visitor, input);
});
