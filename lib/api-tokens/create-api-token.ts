import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { DAY, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashSecret } from "@/lib/security/tokens";
import { checkPasswordAgain } from "@/lib/two-factor/reauth";
import { roleAllowsScope, TOKEN_SCOPES } from "./scopes";
import { displayPrefix, generateToken } from "./token-format";

const scopesField = z.preprocess(
  (v) => (v === undefined || v === null ? [] : typeof v === "string" ? [v] : v),
  z.array(z.enum(TOKEN_SCOPES, { message: "validation.invalid" })).min(1, "validation.required"),
);

const orgIdsField = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : typeof v === "string" ? [v] : v),
  z.array(z.string().trim().min(1, "validation.invalid").max(64, "validation.invalid")).max(100, "validation.invalid"),
);

export const createApiTokenSchema = z
  .object({
    /** The Organizations the token is restricted to; none: every Organization its owner belongs to. */
    orgIds: orgIdsField,
    name: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
    scopes: scopesField,
    validity: z.enum(["unlimited", "days", "date"]).default("unlimited"),
    days: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int("validation.invalid").min(1, "validation.invalid").max(3650, "validation.invalid").optional()),
    date: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid").optional()),
    password: z.string().min(1, "validation.required").max(200),
  })
  .superRefine((v, ctx) => {
    if (v.validity === "days" && v.days === undefined) ctx.addIssue({ code: "custom", path: ["days"], message: "validation.required" });
    if (v.validity === "date" && v.date === undefined) ctx.addIssue({ code: "custom", path: ["date"], message: "validation.required" });
  });
export type CreateApiTokenInput = Omit<z.input<typeof createApiTokenSchema>, "orgIds"> & { orgIds?: string[] | string };

function expiry(input: z.output<typeof createApiTokenSchema>): Date | null {
  if (input.validity === "days") return new Date(now().getTime() + input.days! * DAY);
  if (input.validity === "date") {
    // The token works through the whole chosen day (UTC).
    const end = new Date(`${input.date}T23:59:59.999Z`);
    if (Number.isNaN(end.getTime()) || end <= now()) {
      throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { date: ["validation.invalid"] });
    }
    return end;
  }
  return null;
}

/**
 * TOK-1/TOK-2: a new personal API token. It acts in every Organization its owner belongs to, or only in
 * the chosen ones (each must be one of the owner's, with `tokens.manage`), never beyond the owner's role
 * there (checked on every call). The account password is asked again (wrong attempts count against the
 * per-account lock, ACC-7); every scope must be within the creator's rights in at least one of the
 * token's Organizations. Only the SHA-256 of the token and a short display part are stored: the token
 * itself is returned this once.
 */
export async function createApiToken(db: Db, actor: Actor, raw: CreateApiTokenInput) {
  const input = createApiTokenSchema.parse(raw);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN");
  const expiresAt = expiry(input);
  const orgIds = [...new Set(input.orgIds)];
  const roles = await creatorRoles(db, actor, orgIds);
  const scopes = [...new Set(input.scopes)];
  const beyond = scopes.filter((s) => !roles.some((role) => roleAllowsScope(role, s)));
  if (beyond.length) throw new AppError("FORBIDDEN", "apiTokens.errors.scopeBeyondRights", { scopes: ["apiTokens.errors.scopeBeyondRights"] });

  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  await checkPasswordAgain(db, actor, user.passwordHash, input.password);

  const token = generateToken();
  const row = await db.$transaction(async (tx) => {
    for (const orgId of orgIds) await requireMember(tx, actor, orgId, "tokens.manage");
    const created = await tx.apiToken.create({
      data: {
        userId: actor.userId,
        name: input.name,
        tokenHash: hashSecret(token),
        displayPrefix: displayPrefix(token),
        scopes,
        expiresAt,
        createdAt: now(),
        organizations: { create: orgIds.map((orgId) => ({ orgId })) },
      },
      select: { id: true, name: true, scopes: true, expiresAt: true, createdAt: true, displayPrefix: true },
    });
    const metadata = { name: input.name, scopes, expiresAt: expiresAt?.toISOString() ?? null, orgIds };
    // A restricted token is recorded in each of its Organizations' logs; an unrestricted one in its owner's.
    for (const orgId of orgIds.length ? orgIds : [null]) await audit(tx, actor, { action: "apiToken.created", orgId, targetId: created.id, metadata });
    return created;
  });
  return { ...row, orgIds, token };
}

/** The creator's roles in the token's Organizations (the chosen ones, or all of theirs). */
async function creatorRoles(db: Db, actor: Actor & { kind: "user" }, orgIds: string[]): Promise<Role[]> {
  if (orgIds.length) {
    const roles: Role[] = [];
    for (const orgId of orgIds) roles.push((await requireMember(db, actor, orgId, "tokens.manage")).role);
    return roles;
  }
  const memberships = await db.membership.findMany({ where: { userId: actor.userId }, select: { role: true } });
  return memberships.map((m) => m.role).filter((r) => can(r, "tokens.manage"));
}
