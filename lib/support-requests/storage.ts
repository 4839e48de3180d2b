import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomSecret } from "@/lib/security/tokens";

/**
 * Screenshots of support requests live like identity photos: outside the database and public/, under
 * `<MANAGER_DATA_DIR>/private/support/<requestId>/<random name>`. Only the checked routes serve them.
 */
export function supportFilesRoot(): string {
  return path.resolve(process.env.MANAGER_DATA_DIR ?? ".data", "private", "support");
}

function resolveStoredPath(storagePath: string): string {
  const root = supportFilesRoot();
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Error("Support file path outside the private folder");
  return full;
}

export async function writeSupportFile(requestId: string, bytes: Uint8Array): Promise<string> {
  await mkdir(path.join(supportFilesRoot(), requestId), { recursive: true, mode: 0o700 });
  const storagePath = path.join(requestId, randomSecret(18));
  await writeFile(resolveStoredPath(storagePath), bytes, { mode: 0o600, flag: "wx" });
  return storagePath;
}

export function readSupportFile(storagePath: string): Promise<Buffer> {
  return readFile(resolveStoredPath(storagePath));
}

export async function removeSupportFiles(storagePaths: string[]): Promise<void> {
  await Promise.all(storagePaths.map((p) => rm(resolveStoredPath(p), { force: true })));
}
