"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";
import { cancelTender, cancelTenderSchema } from "@/lib/tenders/cancel-tender";

/** TND-4: the holder of the cancel link confirms; the call is gone from every partner's view at once. */
export const cancelTenderAction = publicAction(cancelTenderSchema, async (input, { db }) => {
  const h = await headers();
  return cancelTender(db, input, { ip: clientAddress(h), userAgent: h.get("user-agent") });
});
