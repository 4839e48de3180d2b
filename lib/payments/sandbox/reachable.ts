import { config } from "@/lib/config";
import { isLoopback } from "@/lib/dev/mailbox-access";

/**
 * SEC-7: the sandbox's hosted payment page is a development tool like the mailbox. It answers only while
 * the sandbox is the payment operator, on a server bound to the loopback interface, for a request
 * addressed to a loopback name; anywhere else it is a 404.
 */
export function sandboxPaymentsReachable(hostHeader: string | null, bindHost = process.env.HOST ?? "127.0.0.1"): boolean {
  return config.paymentOperator === "sandbox" && isLoopback(bindHost) && isLoopback(hostHeader);
}
