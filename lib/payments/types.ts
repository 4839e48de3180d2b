import type { Currency, PaymentMethodType } from "@/lib/generated/prisma/enums";

/** What the customer chooses before being sent to the operator's page; a card's brand is known after. */
export const CHECKOUT_METHODS = ["CARD", "POSTFINANCE", "PAYPAL", "TWINT"] as const;
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];

/** Why an operator refused a payment; the console translates it (`payments.failures.<code>`). */
export const PAYMENT_FAILURES = ["DECLINED", "INSUFFICIENT_FUNDS", "EXPIRED_CARD", "AUTHENTICATION_FAILED", "CANCELLED", "AMOUNT_MISMATCH"] as const;
export type PaymentFailure = (typeof PAYMENT_FAILURES)[number];

export type CheckoutRequest = {
  /** The Manager's payment id: the operator sends it back in its notification. */
  reference: string;
  /** Asking twice with the same key opens the same checkout (a retried request). */
  idempotencyKey: string;
  amountMinor: number;
  currency: Currency;
  method: CheckoutMethod;
  description: string;
  /** Where the operator sends the customer back; that page only shows the status. */
  returnUrl: string;
};

export type Checkout = { operatorRef: string; redirectUrl: string };

/**
 * A charge of a saved method without the customer present (automatic renewal, BIL-9). Asking twice with
 * the same key charges once and answers the first result.
 */
export type SavedMethodCharge = {
  reference: string;
  idempotencyKey: string;
  amountMinor: number;
  currency: Currency;
  /** The operator's token of the saved method (PaymentMethod.providerToken). */
  token: string;
  /** The card's expiry as saved, when it is a card: the operator refuses an expired one. */
  expMonth?: number | null;
  expYear?: number | null;
  description: string;
};

export type SavedMethodChargeResult = { operatorRef: string; status: "SUCCEEDED" | "FAILED"; failure?: PaymentFailure };

/** The reusable method the operator saved, as the Manager may keep it: never a card number. */
export type SavedMethod = { type: PaymentMethodType; token: string; last4?: string; expMonth?: number; expYear?: number };

/**
 * A payment result, as the operator posts it to the webhook (a JSON body signed with the shared secret).
 * `id` names the notification; the same notification may arrive several times.
 */
export type PaymentNotification = {
  id: string;
  reference: string;
  operatorRef: string;
  status: "SUCCEEDED" | "FAILED";
  amountMinor: number;
  currency: Currency;
  methodType: PaymentMethodType;
  failure?: PaymentFailure;
  saved?: SavedMethod;
  /** The operator took the money but flags the payment as suspicious: the order waits for an identity check (IDV-4). */
  held?: boolean;
};

/** A full refund of a settled payment, to the method it was paid with; one per key, whatever the retries. */
export type RefundRequest = { operatorRef: string; amountMinor: number; currency: Currency; idempotencyKey: string };
export type Refund = { refundRef: string };

/**
 * The payment service provider is outside this project: the Manager talks to it only through this
 * interface. The customer types card data on the operator's hosted page, never on the Manager's; the
 * result comes back as a signed notification (lib/payments/notification-signature.ts). The sandbox is the
 * only implementation shipped; a real operator's client implements the same interface.
 */
export interface PaymentOperator {
  readonly name: string;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** The hosted page of a checkout still open (the customer came back to it, or double-clicked). */
  checkoutUrl(operatorRef: string): string;
  /** Charges a saved card or Twint profile off-session; the answer is final (no hosted page, no notification). */
  chargeSavedMethod(charge: SavedMethodCharge): Promise<SavedMethodChargeResult>;
  /** Gives a settled payment back to the method used (IDV-4); asking again with the same key refunds once. */
  refund(request: RefundRequest): Promise<Refund>;
}
