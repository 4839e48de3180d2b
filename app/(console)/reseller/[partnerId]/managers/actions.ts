"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { assignClients, assignClientsSchema } from "@/lib/partners/client-managers";

/** PRT-9: which clients one of the partner's users manages; the service checks who may decide. */
export const assignClientsAction = action(assignClientsSchema, async (input, { db, actor }) => {
  const res = await assignClients(db, actor, input);
  revalidatePath(`/reseller/${input.partnerId}/managers`);
  revalidatePath("/reseller");
  return res;
});
