import { can, ROLE_RANK } from "@/lib/access/permissions";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["LEGAL_REPRESENTATIVE", "ADMINISTRATOR", "USER", "EXTERNAL"] as const satisfies readonly Role[];

/** ORG-5: roles `viewer` may hand out: none above their own, and the legal-representative role only by one. */
export function assignableRoles(viewer: Role): Role[] {
  if (!can(viewer, "users.update")) return [];
  return ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[viewer] && (r !== "LEGAL_REPRESENTATIVE" || viewer === "LEGAL_REPRESENTATIVE"));
}

/** Whether `viewer` may act on a member holding `target` at all (nobody acts on someone who outranks them). */
export function mayManage(viewer: Role, target: Role): boolean {
  if (ROLE_RANK[target] > ROLE_RANK[viewer]) return false;
  return target !== "LEGAL_REPRESENTATIVE" || viewer === "LEGAL_REPRESENTATIVE";
}

export function mayChangeRole(viewer: Role, target: Role): boolean {
  return can(viewer, "users.update") && mayManage(viewer, target);
}

export function mayRemove(viewer: Role, target: Role): boolean {
  return can(viewer, "users.remove") && mayManage(viewer, target);
}

/** Throws FORBIDDEN with the reason the user should read when `viewer` may not act on `target`. */
export function assertMayManage(viewer: Role, target: Role): void {
  if (ROLE_RANK[target] > ROLE_RANK[viewer]) throw new AppError("FORBIDDEN", "errors.memberOutranksYou");
  if (target === "LEGAL_REPRESENTATIVE" && viewer !== "LEGAL_REPRESENTATIVE") throw new AppError("FORBIDDEN", "errors.legalRepresentativeOnly");
}

/** Throws FORBIDDEN when `viewer` may not hand out `role` (ORG-5). */
export function assertMayGrant(viewer: Role, role: Role): void {
  if (ROLE_RANK[role] > ROLE_RANK[viewer]) throw new AppError("FORBIDDEN", "errors.roleAboveYours");
  if (role === "LEGAL_REPRESENTATIVE" && viewer !== "LEGAL_REPRESENTATIVE") throw new AppError("FORBIDDEN", "errors.legalRepresentativeOnly");
}
