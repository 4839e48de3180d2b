import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { clientAddress } from "@/lib/http/client-address";
import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";
import { translateError, type Translate } from "@/lib/http/translate-error";
import { MAX_FILE_BYTES } from "@/lib/identity/rules";
import { submitDocuments } from "@/lib/identity/submit-documents";

/** Three photos at most, plus the form's own overhead. */
const MAX_BODY_BYTES = 3 * MAX_FILE_BYTES + 64 * 1024;

const noStore = { "Cache-Control": "private, no-store" };

/**
 * IDV-2, step 3: the photos arrive as multipart form data (a server action's body limit is far below
 * three 10 MB photos). Answers `{ ok }` or a translated error state with field errors, its status from the
 * one error mapping (lib/http/map-error.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    const t = await getTranslations("verification");
    return Response.json({ ok: false, message: t("errors.requestTooLarge") }, { status: 413, headers: noStore });
  }
  try {
    const form = await request.formData().catch(() => null);
    const field = (name: string) => form?.get(name) ?? undefined;
    const h = await headers();
    await submitDocuments(
      getDb(),
      { secret, documentType: field("documentType"), front: field("front"), back: field("back"), selfie: field("selfie") },
      { ip: clientAddress(h), userAgent: h.get("user-agent") },
    );
    return Response.json({ ok: true }, { headers: noStore });
  } catch (err) {
    const mapped = mapError(err);
    const t = (await getTranslations()) as unknown as Translate;
    return Response.json({ ok: false, ...translateError(t, mapped) }, { status: mapped.status, headers: { ...noStore, ...mapped.headers } });
  }
}
