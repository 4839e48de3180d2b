import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomSecret } from "@/lib/security/tokens";

/**
 * Identity photos live outside the database and outside public/: `<MANAGER_DATA_DIR>/private/identity/
 * <caseId>/<random name>`. Nothing serves this folder; staff read files through a checked route only.
 */
export function identityRoot(): string {
  return path.resolve(process.env.MANAGER_DATA_DIR ?? ".data", "private", "identity");
}

/** Resolves a stored relative path, refusing anything that would leave the identity folder. */
export function resolveStoredPath(storagePath: string): string {
  const root = identityRoot();
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Error("Identity file path outside the private folder");
  return full;
}

/** Writes one photo under a random name; answers the path to store (relative to the identity folder). */
export async function writeCaseFile(caseId: string, bytes: Uint8Array): Promise<string> {
  const dir = path.join(identityRoot(), caseId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const storagePath = path.join(caseId, randomSecret(18));
  await writeFile(resolveStoredPath(storagePath), bytes, { mode: 0o600, flag: "wx" });
  return storagePath;
}

export function readCaseFile(storagePath: string): Promise<Buffer> {
  return readFile(resolveStoredPath(storagePath));
}

export async function removeFiles(storagePaths: string[]): Promise<void> {
  await Promise.all(storagePaths.map((p) => rm(resolveStoredPath(p), { force: true })));
}

/** Deletes a case's folder; answers how many files it held (0 when there was none). */
export async function removeCaseFolder(caseId: string): Promise<number> {
  const dir = resolveStoredPath(caseId);
  const files = await readdir(dir).catch(() => [] as string[]);
  await rm(dir, { recursive: true, force: true });
  return files.length;
}

/** The case ids that have a folder on disk. */
export async function listCaseFolders(): Promise<string[]> {
  const entries = await readdir(identityRoot(), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}
