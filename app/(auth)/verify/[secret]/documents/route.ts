import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { clientAddress } from "@/lib/http/client-address";
import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";
import { parseInput } from "@/lib/http/parse-input";
import { discardBody, readBodyWithLimit } from "@/lib/http/read-body";
import { translateError, type Translate } from "@/lib/http/translate-error";
import { MAX_FILE_BYTES } from "@/lib/identity/rules";
import { requireCaseAwaitingDocuments, submitDocuments, submitDocumentsSchema } from "@/lib/identity/submit-documents";

/** Three photos at most, plus the form's own overhead. */
const MAX_BODY_BYTES = 3 * MAX_FILE_BYTES + 64 * 1024;

const noStore = { "Cache-Control": "private, no-store" };

/**
 * IDV-2, step 3: the photos arrive as multipart form data (a server action's body limit is far below
 * three 10 MB photos). SEC-6: the link and the case's step are checked before the body is read; the body is
 * then read as a stream and cut off with 413 as soon as it passes the limit (a chunked body declares no
 * length), and each photo is checked by its bytes. Answers `{ ok }` or a translated error state with field
 * errors, its status from the one error mapping (lib/http/map-error.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const db = getDb();
  try {
    await requireCaseAwaitingDocuments(db, secret);
    const body = await readBodyWithLimit(request, MAX_BODY_BYTES);
    if (!body) {
      const t = await getTranslations("verification");
      return Response.json({ ok: false, message: t("errors.requestTooLarge") }, { status: 413, headers: noStore });
    }
    const form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
    const field = (name: string) => form?.get(name) ?? undefined;
    const h = await headers();
    // SEC-5: text that cannot be stored (a NUL, a lone surrogate) is refused naming its field, like any form.
    const input = parseInput(submitDocumentsSchema, { secret, documentType: field("documentType"), front: field("front"), back: field("back"), selfie: field("selfie") });
    await submitDocuments(db, input, { ip: clientAddress(h), userAgent: h.get("user-agent") });
    return Response.json({ ok: true }, { headers: noStore });
  } catch (err) {
    await discardBody(request);
    const mapped = mapError(err);
    const t = (await getTranslations()) as unknown as Translate;
    return Response.json({ ok: false, ...translateError(t, mapped) }, { status: mapped.status, headers: { ...noStore, ...mapped.headers } });
  }
}
