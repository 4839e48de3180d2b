import { z } from "zod";
import { idParam, sessionRoute } from "@/lib/http/session-route";
import { readIdentityDocument } from "@/lib/identity/read-document";

/**
 * IDV-2 / IDV-3: one uploaded photo, for staff only. The session is checked on every request and anyone
 * else (signed out included) gets the same 404 as for a photo that does not exist; nothing is cached.
 */
export const GET = sessionRoute({ signedOut: "404", params: z.object({ caseId: idParam, documentId: idParam }) }, async ({ db, actor, params }) => {
  const doc = await readIdentityDocument(db, actor, { caseId: params.caseId, documentId: params.documentId });
  return new Response(new Uint8Array(doc.bytes), {
    headers: { "Content-Type": doc.mimeType, "Content-Disposition": "inline", "Content-Security-Policy": "default-src 'none'; sandbox" },
  });
});
