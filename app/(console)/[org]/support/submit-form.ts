import { readBodyWithLimit, discardBody } from "@/lib/http/read-body";
import { AppError } from "@/lib/errors";
import { MAX_FORM_BYTES } from "@/lib/support-requests/rules";

/**
 * SEC-6: a support form with screenshots, read as a stream and cut off past the limit (413 through
 * INVALID_INPUT would mislead: the body is simply too large). The caller checks access before calling.
 */
export async function readSupportForm(request: Request): Promise<FormData> {
  const body = await readBodyWithLimit(request, MAX_FORM_BYTES);
  if (!body) {
    await discardBody(request);
    throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { screenshots: ["support.errors.screenshotTooLarge"] });
  }
  const form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
  if (!form) throw new AppError("INVALID_INPUT");
  return form;
}

export function formFields(form: FormData): Record<string, unknown> {
  return { subject: form.get("subject") ?? undefined, productId: form.get("productId") ?? undefined, body: form.get("body") ?? undefined, screenshots: form.getAll("screenshots") };
}
