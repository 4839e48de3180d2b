import { scopesAllow } from "@/lib/api-tokens/scopes";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PartnerAccess, PartnerPayer, Role, StaffRole, SupportScope } from "@/lib/generated/prisma/enums";
import type { Actor, PartnerActor, StaffActor, UserActor } from "./actor";
import {
  partnerPermissions,
  ROLE_PERMISSIONS,
  rolesWith,
  staffCan,
  SUPPORT_SCOPE_PERMISSIONS,
  type Action,
  type StaffAction,
} from "./permissions";

type Common = {
  orgId: string;
  /** The person acting: the signed-in user, the token's owner, the partner's user, the staff member. */
  userId: string;
  /** The actor to record in the audit log: it says in which capacity the person acts (a partner, staff…). */
  actor: Actor;
  /** Everything this access allows in the Organization (the table row, narrowed by a token's scopes). */
  actions: ReadonlySet<Action>;
};

/** A member acting directly or through one of their API tokens. */
export type MemberAccess = Common & { via: "membership"; membershipId: string; role: Role };
/** A partner's user acting through an active partnership (PRT-3). */
export type PartnerOrgAccess = Common & { via: "partnership"; partnershipId: string; partnerOrgId: string; partnerAccess: PartnerAccess; payer: PartnerPayer };
/** Staff handling a request of the Organization, through active support grants (SUP-3). */
export type SupportAccess = Common & {
  via: "support";
  staffRole: StaffRole;
  scopes: SupportScope[];
  sharedMessageIds: string[];
  /**
   * Who granted each scope: a grant shows what its granter sees (SUP-3), never more — and, when the grant
   * names products, only those (`productIds` null: every product of that content).
   */
  granters: { scope: SupportScope; userId: string; productIds: string[] | null }[];
};

/** What requireAccess answers: who acts, on whose behalf, and with which rights. */
export type OrgAccess = MemberAccess | PartnerOrgAccess | SupportAccess;

/** Whether an access allows an action (for showing or hiding UI without another lookup). */
export function allows(access: OrgAccess, action: Action): boolean {
  return access.actions.has(action);
}

function narrowByScopes(actions: ReadonlySet<Action>, scopes: string[]): ReadonlySet<Action> {
  return new Set([...actions].filter((a) => scopesAllow(scopes, a)));
}

async function membershipOf(tx: Tx, actor: Actor & { userId: string }, orgId: string): Promise<{ id: string; role: Role } | null> {
  if (actor.kind === "token" && actor.membership?.orgId === orgId) return actor.membership.member;
  if (actor.kind === "user" && actor.memberships) {
    const known = actor.memberships.get(orgId);
    if (known) return known;
    // Not among the person's memberships: only a partnership can still let them in.
    return null;
  }
  return tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: actor.userId } }, select: { id: true, role: true } });
}

/**
 * PRT-3, PRT-7, PRT-9: the active partnership through which this person may act in `orgId` — they belong
 * to the partner's Organization with a role that manages every client, or were assigned this client.
 * An ended, refused or pending partnership lets nobody in.
 */
async function partnershipOf(tx: Tx, actor: UserActor, orgId: string) {
  return tx.partnership.findFirst({
    where: {
      clientOrgId: orgId,
      status: "ACTIVE",
      OR: [
        { partner: { organization: { memberships: { some: { userId: actor.userId, role: { in: rolesWith("clients.manageAll") } } } } } },
        { managers: { some: { membership: { userId: actor.userId } } } },
      ],
    },
    orderBy: { access: "desc" }, // FULL before LIMITED when two partner Organizations of the person qualify
    select: { id: true, access: true, payer: true, partner: { select: { orgId: true } } },
  });
}

/**
 * SUP-2, SUP-3: the support grants of `orgId` that let this staff member read content now — unexpired,
 * not revoked, and tied to a request of the Organization that this staff member handles.
 */
async function supportGrantsOf(tx: Tx, actor: StaffActor, orgId: string) {
  return tx.supportGrant.findMany({
    where: {
      orgId,
      revokedAt: null,
      expiresAt: { gt: now() },
      OR: [
        { request: { handlerId: actor.userId, status: { not: "CLOSED" } } },
        { requestId: null, organization: { supportRequests: { some: { handlerId: actor.userId, status: { not: "CLOSED" } } } } },
      ],
    },
    select: { scope: true, resourceRef: true, userId: true, products: { select: { productId: true } } },
  });
}

async function resolve(tx: Tx, actor: Actor, orgId: string): Promise<OrgAccess> {
  switch (actor.kind) {
    case "user":
    case "token": {
      // API-6: a token restricted to other Organizations does not exist here.
      if (actor.kind === "token" && actor.orgIds && !actor.orgIds.includes(orgId)) throw new AppError("NOT_FOUND");
      const membership = await membershipOf(tx, actor, orgId);
      // PRT-4: an external user whose Organization becomes this one's partner acts as the partner.
      if (actor.kind === "user" && (!membership || membership.role === "EXTERNAL")) {
        const partnership = await partnershipOf(tx, actor, orgId);
        if (partnership) {
          const partnerActor: PartnerActor = {
            kind: "partner",
            userId: actor.userId,
            sessionId: actor.sessionId,
            partnerOrgId: partnership.partner.orgId,
            partnershipId: partnership.id,
            clientOrgId: orgId,
            access: partnership.access,
            ip: actor.ip,
            userAgent: actor.userAgent,
          };
          return {
            via: "partnership",
            orgId,
            userId: actor.userId,
            actor: partnerActor,
            // PRT-5: the client's billing history only while the partner pays.
            actions: partnerPermissions(partnership.access, partnership.payer),
            partnershipId: partnership.id,
            partnerOrgId: partnership.partner.orgId,
            partnerAccess: partnership.access,
            payer: partnership.payer,
          };
        }
      }
      if (!membership) throw new AppError("NOT_FOUND");
      const actions = ROLE_PERMISSIONS[membership.role];
      return {
        via: "membership",
        orgId,
        userId: actor.userId,
        actor,
        actions: actor.kind === "token" ? narrowByScopes(actions, actor.scopes) : actions,
        membershipId: membership.id,
        role: membership.role,
      };
    }
    case "staff": {
      const grants = await supportGrantsOf(tx, actor, orgId);
      if (grants.length === 0) throw new AppError("NOT_FOUND");
      const actions = new Set<Action>(grants.flatMap((g) => [...SUPPORT_SCOPE_PERMISSIONS[g.scope]]));
      const whole = grants.filter((g) => g.scope !== "SINGLE_MAIL");
      return {
        via: "support",
        orgId,
        userId: actor.userId,
        actor,
        actions,
        staffRole: actor.staffRole,
        scopes: [...new Set(grants.map((g) => g.scope))],
        sharedMessageIds: whole.some((g) => g.scope === "MAIL") ? [] : grants.flatMap((g) => (g.scope === "SINGLE_MAIL" && g.resourceRef ? [g.resourceRef] : [])),
        granters: grants.map((g) => ({ scope: g.scope, userId: g.userId, productIds: g.products.length ? g.products.map((p) => p.productId) : null })),
      };
    }
    case "partner":
      // A partner actor was made by an earlier requireAccess for its client: resolve it again from the person.
      if (actor.clientOrgId !== orgId) throw new AppError("NOT_FOUND");
      return resolve(tx, personOf(actor), orgId);
    case "link":
    case "anonymous":
    case "system":
      // Link holders, visitors and jobs act on one thing their service names, never on an Organization's data.
      throw new AppError("NOT_FOUND");
  }
}

/**
 * The one place tenancy is checked. Resolves how the actor may act in `orgId` — a membership (directly or
 * through an API token), a partnership, or a support grant — and checks `action` against that kind's
 * table. No way in (or an unknown Organization) answers NOT_FOUND, so nobody learns that another tenant's
 * id exists; a way in without the right gets FORBIDDEN.
 */
export async function requireAccess(tx: Tx, actor: Actor, orgId: string, action: Action): Promise<OrgAccess> {
  const access = await resolve(tx, actor, orgId);
  if (!access.actions.has(action)) throw new AppError("FORBIDDEN");
  return access;
}

/** requireAccess for what only members do (people, teams, tokens, the log): partners and staff get FORBIDDEN. */
export async function requireMember(tx: Tx, actor: Actor, orgId: string, action: Action): Promise<MemberAccess> {
  const access = await requireAccess(tx, actor, orgId, action);
  if (access.via !== "membership") throw new AppError("FORBIDDEN");
  return access;
}

/** The signed-in person behind a partner actor, as they act anywhere else (e.g. in the partner's own Organization). */
export function personOf(actor: PartnerActor): UserActor {
  return { kind: "user", userId: actor.userId, sessionId: actor.sessionId, staffRole: null, ip: actor.ip, userAgent: actor.userAgent };
}

/** Like requireAccess, but answers false instead of throwing FORBIDDEN (for showing or hiding UI). */
export async function hasAccess(tx: Tx, actor: Actor, orgId: string, action: Action): Promise<boolean> {
  try {
    await requireAccess(tx, actor, orgId, action);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") return false;
    throw err;
  }
}

/**
 * The back office's entry: a signed-in person with a staff role whose role holds `action` (staff table).
 * Anyone else gets NOT_FOUND — the back office does not exist for them. SEC-3: staff act as staff only
 * from a session that passed a second factor (FORBIDDEN with a message otherwise: set up 2FA, sign in again).
 */
export function requireStaff(actor: Actor, action: StaffAction = "backoffice.enter"): StaffActor {
  if (actor.kind === "user" && actor.staffRole && !actor.secondFactor) throw new AppError("FORBIDDEN", "backoffice.errors.twoFactorRequired");
  const staff: StaffActor | null =
    actor.kind === "staff"
      ? actor
      : actor.kind === "user" && actor.staffRole
        ? { kind: "staff", userId: actor.userId, sessionId: actor.sessionId, staffRole: actor.staffRole, ip: actor.ip, userAgent: actor.userAgent }
        : null;
  if (!staff) throw new AppError("NOT_FOUND");
  if (!staffCan(staff.staffRole, action)) throw new AppError("FORBIDDEN");
  return staff;
}
