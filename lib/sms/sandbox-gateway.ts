import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { now } from "@/lib/clock";
import { isE164 } from "@/lib/sms/phone-number";
import { SmsError, type SmsGateway, type SmsMessage, type SmsResult } from "@/lib/sms/types";
import { ensureSandboxSmsTable } from "@/lib/sms/sandbox-store";

/**
 * SANDBOX SMS operator — sends nothing to any phone. It behaves like an operator's API so the product
 * code paths are the real ones:
 * - numbers not in E.164 form are refused (`INVALID_NUMBER`);
 * - numbers ending in `0000` are unreachable (`UNREACHABLE`), to try failure paths;
 * - numbers ending in `0001` are delivered 30 seconds late (the delivery time is recorded);
 * - a second send with the same `reference` is not sent again and returns the first message id.
 * Messages are kept in the `sandbox.sms` table (outside the Prisma schema, like the mail catcher) and
 * shown on the development mailbox page.
 */
export const sandboxSmsGateway: SmsGateway = {
  name: "sandbox",
  async send(message: SmsMessage): Promise<SmsResult> {
    if (!isE164(message.to)) throw new SmsError("INVALID_NUMBER");
    if (message.to.endsWith("0000")) throw new SmsError("UNREACHABLE");
    const db = getDb();
    await ensureSandboxSmsTable(db);
    const accepted = now();
    const deliveredAt = new Date(accepted.getTime() + (message.to.endsWith("0001") ? 30_000 : 0));
    const id = `sbx_${randomUUID()}`;
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO sandbox.sms (id, reference, to_number, body, accepted_at, delivered_at)
      VALUES (${id}, ${message.reference}, ${message.to}, ${message.body}, ${accepted}, ${deliveredAt})
      ON CONFLICT (reference) DO NOTHING
      RETURNING id`;
    if (inserted.length > 0) return { messageId: id, duplicate: false };
    const [existing] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM sandbox.sms WHERE reference = ${message.reference}`;
    return { messageId: existing!.id, duplicate: true };
  },
};
