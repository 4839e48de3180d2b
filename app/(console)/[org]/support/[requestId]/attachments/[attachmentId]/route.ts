import { z } from "zod";
import { idParam, sessionRoute } from "@/lib/http/session-route";
import { readRequestAttachment } from "@/lib/support-requests/read-attachment";

/**
 * SUP-4: one screenshot of a request, for the members who follow it. Anyone else (signed out included)
 * gets the same 404 as for a file that does not exist; the image is sandboxed and never cached.
 */
export const GET = sessionRoute({ signedOut: "404", params: z.object({ org: idParam, requestId: idParam, attachmentId: idParam }) }, async ({ db, actor, params }) => {
  const file = await readRequestAttachment(db, actor, { orgId: params.org, requestId: params.requestId, attachmentId: params.attachmentId });
  return new Response(new Uint8Array(file.bytes), {
    headers: { "Content-Type": file.mimeType, "Content-Disposition": "inline", "Content-Security-Policy": "default-src 'none'; sandbox" },
  });
});
