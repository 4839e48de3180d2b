import { z } from "zod";
import { idParam, sessionRoute } from "@/lib/http/session-route";
import { readRequestAttachmentAsStaff } from "@/lib/support-requests/read-attachment";

/** SUP-4: a request's screenshot for the staff who may open the request; anyone else the same 404. */
export const GET = sessionRoute({ signedOut: "404", params: z.object({ requestId: idParam, attachmentId: idParam }) }, async ({ db, actor, params }) => {
  const file = await readRequestAttachmentAsStaff(db, actor, { requestId: params.requestId, attachmentId: params.attachmentId });
  return new Response(new Uint8Array(file.bytes), {
    headers: { "Content-Type": file.mimeType, "Content-Disposition": "inline", "Content-Security-Policy": "default-src 'none'; sandbox" },
  });
});
