import { headers } from "next/headers";
import { answerChallenge, answerWallet, cancelCheckout, payWithCard, type SandboxAnswer } from "@/lib/payments/sandbox/hosted-page";
import { sandboxPaymentsReachable } from "@/lib/payments/sandbox/reachable";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

function see(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
}

/**
 * The sandbox operator receiving its hosted page's forms (card, 3-D Secure code, PayPal / Twint
 * approval, cancel). This is the operator's side: the card number stops here. When the attempt is
 * finished the customer is sent back to the Manager's status page.
 */
export async function POST(request: Request, { params }: { params: Promise<{ checkout: string }> }): Promise<Response> {
  if (!sandboxPaymentsReachable((await headers()).get("host"))) return new Response("Not found", { status: 404, headers: NO_STORE });
  const { checkout: id } = await params;
  if (!/^cs_[A-Za-z0-9_-]{10,40}$/.test(id)) return new Response("Not found", { status: 404, headers: NO_STORE });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    form = new FormData();
  }
  const value = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string).slice(0, 64) : null);
  const step = value("step");
  let answer: SandboxAnswer | null;
  if (step === "card") answer = await payWithCard(id, { number: value("number") ?? "", expiry: value("expiry") ?? "", cvc: value("cvc") ?? "" });
  else if (step === "challenge") answer = await answerChallenge(id, value("code") ?? "");
  else if (step === "approve") answer = await answerWallet(id, true);
  else if (step === "cancel") answer = await cancelCheckout(id);
  else return new Response("Unknown step", { status: 400, headers: NO_STORE });
  if (!answer) return new Response("Not found", { status: 404, headers: NO_STORE });
  const page = `/sandbox/pay/${encodeURIComponent(id)}`;
  if (answer.error) return see(`${page}?error=${answer.error}`);
  const { status, returnUrl } = answer.checkout;
  return see(status === "SUCCEEDED" || status === "FAILED" ? returnUrl : page);
}
