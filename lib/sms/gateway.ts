import { sandboxSmsGateway } from "@/lib/sms/sandbox-gateway";

/** One text message to a phone number in E.164 form (`+41791234567`). */
export type SmsMessage = {
  to: string;
  body: string;
  /** Idempotency key: sending twice with the same reference sends once and returns the same id. */
  reference: string;
};

export type SmsResult = { messageId: string; duplicate: boolean };

/** Why an operator refused a message; callers translate it for the person who asked. */
export type SmsFailure = "INVALID_NUMBER" | "UNREACHABLE" | "UNAVAILABLE";

export class SmsError extends Error {
  constructor(readonly failure: SmsFailure) {
    super(`SMS not sent: ${failure}`);
    this.name = "SmsError";
  }
}

/**
 * The SMS operator is outside this project: the Manager talks to it through this one interface.
 * The sandbox implementation is the only one shipped; a real operator's client implements the same
 * interface and is chosen with `SMS_GATEWAY`.
 */
export interface SmsGateway {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsResult>;
}

const E164 = /^\+[1-9]\d{7,14}$/;

/** Normalises what a person typed (`+41 79 123 45 67`, `0041…`) to E.164, or null. */
export function normalisePhoneNumber(raw: string): string | null {
  const compact = raw.replace(/[\s().\-/]/g, "").replace(/^00/, "+");
  return E164.test(compact) ? compact : null;
}

export function isE164(phone: string): boolean {
  return E164.test(phone);
}

/** Shows only the last digits of a number (`+41 ••• •• 67`). */
export function maskPhoneNumber(phone: string): string {
  return `${phone.slice(0, 3)} ••• •• ${phone.slice(-2)}`;
}

export function smsGateway(): SmsGateway {
  const name = process.env.SMS_GATEWAY ?? "sandbox";
  if (name === "sandbox") return sandboxSmsGateway;
  throw new Error(`Unknown SMS_GATEWAY "${name}": only "sandbox" is built in`);
}
