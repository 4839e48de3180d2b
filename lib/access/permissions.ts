import type { AccessLevel, PartnerAccess, PartnerPayer, Role, StaffRole, SupportScope } from "@/lib/generated/prisma/enums";

/**
 * What may be done in an Organization. Three tables below say who holds each action — members by role,
 * partners by access level, support staff by granted scope — and nothing else in the code compares role
 * names: it asks a table (`can`, `rolesWith`, `allows`).
 */
export const ACTIONS = [
  "org.read",
  "org.update", // details, addresses, VAT: legal representative only (ORG-1)
  "users.read",
  "members.view", // one member's product access and contact preferences: every member may look (ORG-5)
  "membership.updateOwn", // one's own contact preferences (ORG-5)
  "membership.leave", // leave the Organization on one's own (ORG-4)
  "users.invite",
  "users.update",
  "users.remove",
  "teams.read",
  "teams.manage",
  "products.read",
  "products.manage",
  "products.readAll", // every product of the Organization, not only the granted ones (PRD-3)
  "tags.read",
  "tags.manage",
  "billing.read",
  "billing.pay", // pay: invoices, orders, the prepaid account, the payment method, renewal and billing-message settings (BIL-4 … BIL-10)
  "billing.order", // order renewals: the products to renew and "Pay my selection" — the payer pays the order (BIL-2, PRT-5)
  "tokens.manage", // one's own API tokens acting here
  "tokens.oversee", // every token that can act in the Organization: list and revoke (legal representative)
  "security.oversee", // the legal representatives' two-step verification, flagged on the dashboard when off (legal representative)
  "audit.read",
  "partners.read", // the Partners page: the Organization's partnerships (members who run the Organization)
  "partners.manage", // add / remove a partner: legal representative only (PRT-2)
  "clients.manageAll", // in a partner's own Organization: manage every client, not only assigned ones (PRT-9)
  "clients.read", // in a partner's own Organization: the reseller area's clients under management — those one manages (PRT-4, PRT-8, PRT-9)
  "tenders.answer", // in an approved partner's own Organization: read the open calls for tenders and answer them (TND-2, TND-3)
  "dpa.generate", // GDP-1
  "support.grant",
  "support.request", // open support requests and follow one's own (SUP-4)
  "support.readAll", // follow every support request of the Organization, not only one's own
  "content.mail.read", // mailboxes and messages (SUP-1)
  "content.drive.read", // drive folders and files
  "content.chat.read", // chat discussions
] as const;

export type Action = (typeof ACTIONS)[number];

// ─────────────── Members, by role (ORG-1, ORG-5) ───────────────

const ALL = new Set<Action>(ACTIONS);
const ADMIN = new Set<Action>(ACTIONS.filter((a) => a !== "org.update" && a !== "partners.manage" && a !== "tokens.oversee" && a !== "security.oversee"));
const USER = new Set<Action>([
  "org.read",
  "members.view",
  "membership.updateOwn",
  "membership.leave",
  "users.read",
  "teams.read",
  "products.read",
  "products.manage",
  "tags.read",
  "tags.manage",
  "tokens.manage",
  "support.grant",
  "support.request",
  "content.mail.read",
  "content.drive.read",
  "content.chat.read",
  "tenders.answer",
  "clients.read", // the clients assigned to them in the reseller area, in the console and through the API (PRT-9)
]);
const EXTERNAL = new Set<Action>(["org.read", "members.view", "membership.updateOwn", "membership.leave", "products.read", "products.manage", "tags.read"]);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  LEGAL_REPRESENTATIVE: ALL,
  ADMINISTRATOR: ADMIN,
  USER,
  EXTERNAL,
};

export const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

export function can(role: Role, action: Action): boolean {
  return ROLE_PERMISSIONS[role].has(action);
}

/** The roles holding an action, for queries ("members whose role may …"), never a hand-written list. */
export function rolesWith(action: Action): Role[] {
  return ROLES.filter((r) => ROLE_PERMISSIONS[r].has(action));
}

/** Role rank, to refuse granting more than one holds (ORG-5). */
export const ROLE_RANK: Record<Role, number> = {
  LEGAL_REPRESENTATIVE: 3,
  ADMINISTRATOR: 2,
  USER: 1,
  EXTERNAL: 0,
};

// ─────────────── Per-product grants, by level (ORG-2, ORG-6, PRD-3) ───────────────

/**
 * What a member may do with one product granted to them (directly or through a team), on top of the
 * role's own row — a member whose role holds "products.readAll" is not limited by grants. Every change to
 * a product (its tags now, its renewal and payment next) asks for "product.change"; services ask through
 * lib/products/visible-products.ts (`changeableProductsWhere`, `requireProductsToChange`).
 */
export const PRODUCT_ACTIONS = ["product.read", "product.change"] as const;
export type ProductAction = (typeof PRODUCT_ACTIONS)[number];

export const GRANT_LEVEL_PERMISSIONS: Record<AccessLevel, ReadonlySet<ProductAction>> = {
  READ: new Set<ProductAction>(["product.read"]),
  MANAGE: new Set<ProductAction>(["product.read", "product.change"]),
};

/** The grant levels holding a product action, for queries ("products granted at a level that may …"). */
export function levelsWith(action: ProductAction): AccessLevel[] {
  return (Object.keys(GRANT_LEVEL_PERMISSIONS) as AccessLevel[]).filter((l) => GRANT_LEVEL_PERMISSIONS[l].has(action));
}

// ─────────────── Partners, by access level (PRT-3) ───────────────

/**
 * A partner's user in a client Organization. FULL: the whole Organization's products and billing, never
 * its people, tokens, partners or log — its billing only while the partner pays (see partnerPermissions).
 * LIMITED: only the granted products (see visibleProductsWhere).
 */
export const PARTNER_PERMISSIONS: Record<PartnerAccess, ReadonlySet<Action>> = {
  FULL: new Set<Action>(["org.read", "products.read", "products.readAll", "products.manage", "tags.read", "tags.manage", "billing.read", "billing.pay", "billing.order"]),
  LIMITED: new Set<Action>(["org.read", "products.read", "products.manage", "tags.read", "tags.manage"]), // tags only on its products (findTagToChange)
};

/**
 * PRT-5: while the client pays, its billing is only the client's — the partner-billing guide: "le Client
 * gère la facturation et règle les commandes et les renouvellements effectués par le Partenaire" and "les
 * factures seront uniquement accessibles sur l'organisation du Client et le Partenaire n'y aura pas accès".
 * So the partner neither reads the invoices, orders and payments ("billing.read") nor pays, chooses how to
 * pay, spends or tops up the prepaid account, or changes the renewal and billing-message settings
 * ("billing.pay"). It still orders renewals for the client ("billing.order"): the order waits in the
 * client's pending orders for the client to pay (BIL-4). When the partner pays, its row is whole again.
 */
export const WITHHELD_WHILE_CLIENT_PAYS: ReadonlySet<Action> = new Set<Action>(["billing.read", "billing.pay"]);

/** A partner's row in a client Organization: its access level's, less the client's billing while the client pays. */
export function partnerPermissions(access: PartnerAccess, payer: PartnerPayer): ReadonlySet<Action> {
  const row = PARTNER_PERMISSIONS[access];
  if (access !== "FULL" || payer === "PARTNER") return row;
  return new Set([...row].filter((a) => !WITHHELD_WHILE_CLIENT_PAYS.has(a)));
}

// ─────────────── Support staff in an Organization, by granted scope (SUP-1 … SUP-3) ───────────────

/** What each kind of support grant lets the staff handling the request read; a grant always shows the Organization's name. */
export const SUPPORT_SCOPE_PERMISSIONS: Record<SupportScope, ReadonlySet<Action>> = {
  MAIL: new Set<Action>(["org.read", "content.mail.read"]),
  DRIVE: new Set<Action>(["org.read", "content.drive.read"]),
  CHAT: new Set<Action>(["org.read", "content.chat.read"]),
  SINGLE_MAIL: new Set<Action>(["org.read", "content.mail.read"]), // one message only: the service narrows it
};

// ─────────────── Staff in the back office, by staff role (SUP-4, SEC-3) ───────────────

export const STAFF_ACTIONS = [
  "backoffice.enter",
  "requests.read", // the queue of support requests
  "requests.handle", // take a request, reply, close
  "requests.assign", // hand a request to another agent
  "grants.read", // active support grants
  "verifications.read", // identity-verification cases and their photos
  "verifications.decide", // approve / reject a case (never one's own: the service checks)
  "partners.review", // partner-programme applications
  "transfers.record", // incoming bank transfers
  "staff.manage",
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const AGENT = new Set<StaffAction>(["backoffice.enter", "requests.read", "requests.handle", "grants.read", "verifications.read"]);
const SUPERVISOR = new Set<StaffAction>([...AGENT, "requests.assign", "verifications.decide", "partners.review", "transfers.record"]);

export const STAFF_PERMISSIONS: Record<StaffRole, ReadonlySet<StaffAction>> = {
  SUPPORT: AGENT,
  SUPERVISOR,
  ADMIN: new Set<StaffAction>(STAFF_ACTIONS),
};

export function staffCan(role: StaffRole, action: StaffAction): boolean {
  return STAFF_PERMISSIONS[role].has(action);
}
