"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { saveProposal, saveProposalSchema } from "@/lib/tenders/save-proposal";

/** TND-3: a partner's member sends or changes the partner's proposal; the service checks the partner seat. */
export const saveProposalAction = action(saveProposalSchema, async (input, { db, actor }) => {
  const result = await saveProposal(db, actor, input);
  revalidatePath(`/reseller/tenders/${input.tenderId}`);
  revalidatePath("/reseller/tenders");
  return result;
});
