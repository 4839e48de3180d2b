import { config } from "@/lib/config";
import { sandboxPaymentOperator } from "@/lib/payments/sandbox/operator";
import type { PaymentOperator } from "@/lib/payments/types";

/** The operator chosen with `PAYMENT_OPERATOR`; implementations depend on `types.ts`, never on this file. */
export function paymentOperator(): PaymentOperator {
  const name = config.paymentOperator;
  if (name === "sandbox") return sandboxPaymentOperator;
  throw new Error(`Unknown PAYMENT_OPERATOR "${name}": only "sandbox" is built in`);
}
