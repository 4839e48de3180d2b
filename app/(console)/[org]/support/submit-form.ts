import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { discardBody, readBodyWithLimit } from "@/lib/http/read-body";
import { MAX_FORM_BYTES } from "@/lib/support-requests/rules";

/**
 * SEC-6: a support form with screenshots, read as a stream and cut off as soon as it passes the limit
 * (a chunked body declares no length). Answers the form, or the 413 response to send instead. The caller
 * checks access before calling, so nobody's body is read without a way in.
 */
export async function readSupportForm(request: Request): Promise<FormData | Response> {
  const body = await readBodyWithLimit(request, MAX_FORM_BYTES);
  if (!body) {
    await discardBody(request);
    const t = await getTranslations("support.errors");
    return Response.json({ error: "too_large", message: t("requestTooLarge") }, { status: 413 });
  }
  const form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
  if (!form) throw new AppError("INVALID_INPUT");
  return form;
}

export function formFields(form: FormData): Record<string, unknown> {
  return { subject: form.get("subject") ?? undefined, productId: form.get("productId") ?? undefined, body: form.get("body") ?? undefined, screenshots: form.getAll("screenshots") };
}
