import { z } from "zod";
import { AppError } from "@/lib/errors";
import { sniffImageType, type ImageMime } from "@/lib/identity/image-type";
import { MAX_SCREENSHOT_BYTES, MAX_SCREENSHOTS } from "./rules";
import { removeSupportFiles, writeSupportFile } from "./storage";

/** The files of a form's "screenshots" input; an empty input is sent as one empty, nameless file: no file. */
export const screenshotsField = z
  .union([z.instanceof(Blob), z.array(z.instanceof(Blob))])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((f) => f.size > 0));

export type CheckedScreenshot = { bytes: Uint8Array; mime: ImageMime };

/**
 * Screenshots must be JPEG, PNG or WebP recognised by their bytes (never by the name or the claimed type),
 * at most MAX_SCREENSHOT_BYTES each and MAX_SCREENSHOTS in all; anything else is a field error.
 */
export async function checkScreenshots(files: Blob[]): Promise<CheckedScreenshot[]> {
  if (files.length > MAX_SCREENSHOTS) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { screenshots: ["support.errors.tooManyScreenshots"] });
  const out: CheckedScreenshot[] = [];
  for (const file of files) {
    if (file.size > MAX_SCREENSHOT_BYTES) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { screenshots: ["support.errors.screenshotTooLarge"] });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mime = sniffImageType(bytes);
    if (!mime) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { screenshots: ["support.errors.screenshotType"] });
    out.push({ bytes, mime });
  }
  return out;
}

/**
 * Writes checked screenshots, then runs `save` (the transaction that records them); if it fails, the
 * written files are removed again, so no file outlives a refused request.
 */
export async function storeWithScreenshots<T>(
  requestId: string,
  shots: CheckedScreenshot[],
  save: (files: { storagePath: string; mimeType: string; sizeBytes: number }[]) => Promise<T>,
): Promise<T> {
  const written: { storagePath: string; mimeType: string; sizeBytes: number }[] = [];
  try {
    for (const s of shots) written.push({ storagePath: await writeSupportFile(requestId, s.bytes), mimeType: s.mime, sizeBytes: s.bytes.length });
    return await save(written);
  } catch (err) {
    await removeSupportFiles(written.map((w) => w.storagePath)).catch((e) => console.error("support file cleanup failed", e));
    throw err;
  }
}
