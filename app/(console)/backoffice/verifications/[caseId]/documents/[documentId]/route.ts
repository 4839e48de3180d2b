import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readIdentityDocument } from "@/lib/identity/read-document";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * IDV-2 / IDV-3: one uploaded photo, for staff only. The session is checked on every request and anyone
 * else gets the same 404 as for a photo that does not exist; nothing is cached.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string; documentId: string }> }) {
  const { caseId, documentId } = await params;
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("NOT_FOUND");
    const doc = await readIdentityDocument(getDb(), actor, { caseId, documentId });
    return new Response(new Uint8Array(doc.bytes), {
      headers: { ...PRIVATE, "Content-Type": doc.mimeType, "Content-Disposition": "inline", "Content-Security-Policy": "default-src 'none'; sandbox" },
    });
  } catch (err) {
    if (err instanceof AppError) return new Response("Not found", { status: 404, headers: PRIVATE });
    throw err;
  }
}
