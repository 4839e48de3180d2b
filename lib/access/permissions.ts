import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What each role may do in an Organization: the one table to audit (ORG-1, ORG-5).
 * Product-level restrictions (PRD-3) come on top: a USER or EXTERNAL member only sees the products
 * granted to them or their teams.
 */
export const ACTIONS = [
  "org.read",
  "org.update", // details, addresses, VAT: legal representative only (ORG-1)
  "users.read",
  "members.view", // one member's product access and contact preferences: every member may look (ORG-5)
  "membership.updateOwn", // one's own contact preferences (ORG-5)
  "users.invite",
  "users.update",
  "users.remove",
  "teams.read",
  "teams.manage",
  "products.read",
  "products.manage",
  "products.readAll", // every product of the Organization, not only the granted ones
  "tags.read",
  "tags.manage",
  "billing.read",
  "billing.pay",
  "tokens.manage",
  "audit.read",
  "partners.manage", // add / remove a partner: legal representative only (PRT-2)
  "dpa.generate", // GDP-1
  "support.grant",
] as const;

export type Action = (typeof ACTIONS)[number];

const ALL = new Set<Action>(ACTIONS);
const ADMIN = new Set<Action>(ACTIONS.filter((a) => a !== "org.update" && a !== "partners.manage"));
const USER = new Set<Action>([
  "org.read",
  "members.view",
  "membership.updateOwn",
  "users.read",
  "teams.read",
  "products.read",
  "products.manage",
  "tags.read",
  "tags.manage",
  "tokens.manage",
  "support.grant",
]);
const EXTERNAL = new Set<Action>(["org.read", "members.view", "membership.updateOwn", "products.read", "products.manage", "tags.read"]);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  LEGAL_REPRESENTATIVE: ALL,
  ADMINISTRATOR: ADMIN,
  USER,
  EXTERNAL,
};

export function can(role: Role, action: Action): boolean {
  return ROLE_PERMISSIONS[role].has(action);
}

/** Role rank, to refuse granting more than one holds (ORG-5). */
export const ROLE_RANK: Record<Role, number> = {
  LEGAL_REPRESENTATIVE: 3,
  ADMINISTRATOR: 2,
  USER: 1,
  EXTERNAL: 0,
};
