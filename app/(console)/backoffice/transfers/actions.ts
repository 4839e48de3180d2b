"use server";

import { action } from "@/lib/http/action";
import { recordTransfer, recordTransferSchema } from "@/lib/payments/record-transfer";

// Thin entry point: the service checks the staff table ("transfers.record").
export const recordTransferAction = action(recordTransferSchema, async (input, { db, actor }) => recordTransfer(db, actor, input));
