import { z } from "zod";
import { idParam, sessionRoute } from "@/lib/http/session-route";
import { replyToSupportRequest, requireWritableRequest } from "@/lib/support-requests/reply-request";
import { formFields, readSupportForm } from "../../submit-form";

/** SUP-4: the customer's reply with its screenshots; the request is checked before the body is read. */
export const POST = sessionRoute({ signedOut: "401", params: z.object({ org: idParam, requestId: idParam }) }, async ({ db, actor, params, request }) => {
  await requireWritableRequest(db, actor, params.org, params.requestId);
  const form = await readSupportForm(request);
  if (form instanceof Response) return form;
  const { id } = await replyToSupportRequest(db, actor, { ...formFields(form), orgId: params.org, requestId: params.requestId });
  return Response.json({ id }, { status: 201 });
});
