import type { PaymentMethodType } from "@/lib/generated/prisma/enums";
import type { PaymentFailure } from "@/lib/payments/types";

/** What the sandbox does with a card number: pay, refuse for a reason, or ask for a 3-D Secure code. */
export type CardOutcome = { kind: "pay" } | { kind: "hold" } | { kind: "fail"; failure: PaymentFailure } | { kind: "challenge" };

/** The sandbox's test cards (any future expiry, any 3-digit CVC); the README lists them. */
export const TEST_CARDS: Record<string, CardOutcome> = {
  "4242424242424242": { kind: "pay" }, // Visa
  "5555555555554444": { kind: "pay" }, // MasterCard
  "4970100000000006": { kind: "pay" }, // CB
  "6703000000000007": { kind: "pay" }, // PostFinance Card
  "4000000000000002": { kind: "fail", failure: "DECLINED" },
  "4000000000009995": { kind: "fail", failure: "INSUFFICIENT_FUNDS" },
  "4000000000000069": { kind: "fail", failure: "EXPIRED_CARD" },
  "4000000000003220": { kind: "challenge" },
  "4000000000009235": { kind: "hold" }, // paid, but flagged as suspicious: the order is blocked (IDV-4)
};

/** The 3-D Secure code the sandbox's challenge step accepts; any other code fails authentication. */
export const CHALLENGE_CODE = "123456";

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The brand a number belongs to, as the schemes' prefixes say; null for a scheme the sandbox does not take. */
export function cardBrand(digits: string): PaymentMethodType | null {
  if (digits.startsWith("4970")) return "CB";
  if (digits.startsWith("67")) return "POSTFINANCE";
  if (digits.startsWith("4")) return "VISA";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "MASTERCARD";
  return null;
}
