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
