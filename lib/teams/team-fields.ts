import { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Field rules shared by the team use cases (ORG-6). */
export const idField = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

export const teamNameField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(80, "validation.tooLong");

/** One id from a form arrives as a string, several as an array. */
export const idList = z.preprocess(
  (v) => (typeof v === "string" ? [v] : v),
  z.array(idField).min(1, "validation.required").max(200, "validation.tooLong"),
);

/** The team of this Organization, or NOT_FOUND — another tenant's id and an unknown one answer alike. */
export async function findTeam(tx: Tx, orgId: string, teamId: string) {
  const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { id: true, name: true } });
  if (!team) throw new AppError("NOT_FOUND");
  return team;
}

/** Names are unique per Organization: the unique index (orgId, name) decides, even under concurrency. */
export function nameTakenError(err: unknown): unknown {
  if ((err as { code?: string } | null)?.code === "P2002") {
    return new AppError("CONFLICT", "errors.teamNameTaken", { name: ["errors.teamNameTaken"] });
  }
  return err;
}
