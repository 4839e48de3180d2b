import { requireMember } from "@/lib/access/require-access";
import { orgParams, sessionRoute } from "@/lib/http/session-route";
import { parseInput } from "@/lib/http/parse-input";
import { openRequestSchema, openSupportRequest } from "@/lib/support-requests/open-request";
import { formFields, readSupportForm } from "../submit-form";

/**
 * SUP-4: opens a support request from the form with its screenshots (multipart, above a server action's
 * body limit). The membership is checked before a byte of the body is read; answers `{ id }`.
 */
export const POST = sessionRoute({ signedOut: "401", params: orgParams }, async ({ db, actor, params, request }) => {
  await requireMember(db, actor, params.org, "support.request");
  const form = await readSupportForm(request);
  if (form instanceof Response) return form;
  // SEC-5: text that cannot be stored (a NUL, a lone surrogate) is refused naming its field, like any form.
  const input = parseInput(openRequestSchema, { ...formFields(form), orgId: params.org });
  const { id } = await openSupportRequest(db, actor, input);
  return Response.json({ id }, { status: 201 });
});
