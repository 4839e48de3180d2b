import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { IdentityDocumentKind } from "@/lib/generated/prisma/enums";
import type { RequestMeta } from "@/lib/two-factor/verify-second-factor";
import { caseSecretSchema, requireLiveCase } from "./case-link";
import { sniffImageType, type ImageMime } from "./image-type";
import { MAX_FILE_BYTES } from "./rules";
import { removeFiles, writeCaseFile } from "./storage";

/** An empty file input is sent as an empty, nameless file: it counts as no file. */
const upload = z
  .instanceof(Blob)
  .optional()
  .transform((f) => (f && f.size > 0 ? f : undefined));

export const submitDocumentsSchema = z.object({
  secret: caseSecretSchema,
  documentType: z.enum(["ID_CARD", "PASSPORT"], "validation.required"),
  front: upload,
  back: upload,
  selfie: upload,
});

/** Which photos each document needs: both sides of an ID card, the photo page of a passport; always a selfie. */
export const REQUIRED_PHOTOS: Record<"ID_CARD" | "PASSPORT", ("front" | "back" | "selfie")[]> = {
  ID_CARD: ["front", "back", "selfie"],
  PASSPORT: ["front", "selfie"],
};
const KIND: Record<"front" | "back" | "selfie", IdentityDocumentKind> = { front: "FRONT", back: "BACK", selfie: "SELFIE" };

type Checked = { field: "front" | "back" | "selfie"; bytes: Uint8Array; mime: ImageMime };

/**
 * The case a link opens, if it is waiting for its photos: NOT_FOUND for a malformed, unknown or dead link,
 * CONFLICT before the phone step or after the submission. SEC-6: the upload route asks this before it
 * reads a byte of the body.
 */
export async function requireCaseAwaitingDocuments(db: Db, secret: string) {
  const found = await requireLiveCase(db, secret);
  if (found.status === "OPEN") throw new AppError("CONFLICT", "verification.errors.phoneFirst");
  if (found.status !== "PHONE_CONFIRMED") throw new AppError("CONFLICT", "verification.errors.alreadySubmitted");
  return found;
}

/**
 * IDV-2, steps 2–3: the document type and its photos plus a selfie holding it. Photos must be JPEG, PNG
 * or WebP (recognised by their content) and at most 10 MB. The files are written first, then the
 * case moves to SUBMITTED in one transaction; if anything fails, the written files are removed again.
 */
export async function submitDocuments(db: Db, raw: unknown, meta: RequestMeta = {}): Promise<void> {
  const input = submitDocumentsSchema.parse(raw);
  const found = await requireCaseAwaitingDocuments(db, input.secret);

  const fieldErrors: FieldErrors = {};
  const checked: Checked[] = [];
  for (const field of REQUIRED_PHOTOS[input.documentType]) {
    const file = input[field];
    if (!file) {
      fieldErrors[field] = ["verification.errors.fileRequired"];
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      fieldErrors[field] = ["verification.errors.fileTooLarge"];
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mime = sniffImageType(bytes);
    if (!mime) {
      fieldErrors[field] = ["verification.errors.fileType"];
      continue;
    }
    checked.push({ field, bytes, mime });
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", fieldErrors);

  const written: { field: Checked["field"]; storagePath: string; mime: ImageMime; size: number }[] = [];
  try {
    for (const c of checked) written.push({ field: c.field, storagePath: await writeCaseFile(found.id, c.bytes), mime: c.mime, size: c.bytes.length });
    await db.$transaction(async (tx) => {
      const t = now();
      const moved = await tx.identityVerification.updateMany({
        where: { id: found.id, status: "PHONE_CONFIRMED" },
        data: { status: "SUBMITTED", documentType: input.documentType, submittedAt: t },
      });
      if (moved.count !== 1) throw new AppError("CONFLICT", "verification.errors.alreadySubmitted");
      await tx.identityDocument.createMany({
        data: written.map((w) => ({ caseId: found.id, kind: KIND[w.field], storagePath: w.storagePath, mimeType: w.mime, sizeBytes: w.size, createdAt: t })),
      });
      await audit(tx, { kind: "anonymous" }, {
        action: "identityVerification.submitted",
        targetId: found.id,
        metadata: { documentType: input.documentType, files: written.length },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
    });
  } catch (err) {
    await removeFiles(written.map((w) => w.storagePath)).catch((cleanupErr) => console.error("identity file cleanup failed", cleanupErr));
    throw err;
  }
}
