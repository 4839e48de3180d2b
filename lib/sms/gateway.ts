import { sandboxSmsGateway } from "@/lib/sms/sandbox-gateway";
import type { SmsGateway } from "@/lib/sms/types";

/** The operator chosen with `SMS_GATEWAY`; implementations depend on `lib/sms/types.ts`, never on this file. */
export function smsGateway(): SmsGateway {
  const name = process.env.SMS_GATEWAY ?? "sandbox";
  if (name === "sandbox") return sandboxSmsGateway;
  throw new Error(`Unknown SMS_GATEWAY "${name}": only "sandbox" is built in`);
}
