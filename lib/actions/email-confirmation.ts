"use server";

import { z } from "zod";
import { resendEmailConfirmation } from "@/lib/accounts/resend-email-confirmation";
import { action } from "@/lib/http/action";

/** SEC-2: the "send the link again" button of the console's confirm-your-address notice. */
export const resendEmailConfirmationAction = action(z.object({}), async (_input, { db, actor }) => resendEmailConfirmation(db, actor));
