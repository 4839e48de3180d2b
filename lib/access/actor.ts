import type { PartnerAccess, Role, StaffRole } from "@/lib/generated/prisma/enums";

/** Where a request came from, for the audit log and the new-device check. */
type Origin = { ip?: string | null; userAgent?: string | null };

/** A signed-in person whose session passed every sign-in step, acting in the console. */
export type UserActor = Origin & {
  kind: "user";
  userId: string;
  sessionId: string;
  /** The person is also staff; they act as staff only through `requireStaff` (back office). */
  staffRole: StaffRole | null;
  /**
   * SEC-3: the session passed a second factor and the person still has one. Staff must have it to act as
   * staff (`requireStaff`); absent counts as no.
   */
  secondFactor?: boolean;
  /**
   * The person's memberships by Organization id, read once while a console page renders (with the
   * Organization switcher's list). requireAccess uses them instead of reading again; absent (server
   * actions, route handlers), it reads the database.
   */
  memberships?: ReadonlyMap<string, { id: string; role: Role }>;
};

/**
 * A person's API token (TOK-1, API-6): it acts in every Organization its owner belongs to — or only in
 * `orgIds` when it was restricted — with the token's scopes, never beyond the owner's role there.
 */
export type TokenActor = Origin & {
  kind: "token";
  tokenId: string;
  userId: string;
  scopes: string[];
  /** The Organizations the token was restricted to; null: every Organization of its owner. */
  orgIds: string[] | null;
  /**
   * The owner's membership of the Organization the request names, read with the token in the same
   * statement (null: not a member). requireAccess uses it for that Organization instead of reading again.
   */
  membership?: { orgId: string; member: { id: string; role: Role } | null };
};

/**
 * A partner's user acting in a client Organization through an active partnership (PRT-3, PRT-9). Never
 * built by hand: requireAccess turns a signed-in user into this when the partnership is what lets them in.
 */
export type PartnerActor = Origin & {
  kind: "partner";
  userId: string;
  sessionId: string;
  partnerOrgId: string;
  partnershipId: string;
  clientOrgId: string;
  access: PartnerAccess;
};

/**
 * A member of staff (SUP-4): in the back office, or in a customer's Organization through a support grant
 * on a request they handle (SUP-3). Built by `requireStaff` from a signed-in user with a staff role.
 */
export type StaffActor = Origin & {
  kind: "staff";
  userId: string;
  sessionId: string;
  staffRole: StaffRole;
};

/** The secret links (and paired devices) that let someone act without a session. */
export const LINK_KINDS = [
  "invitation",
  "passwordReset",
  "emailChange",
  "devicePairing",
  "pushDevice",
  "verificationCase",
  "partnerInvitation",
  "tenderCancel",
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * Someone holding a secret link or a paired device, and nothing else. `subjectId` is what the link opens
 * (the invitation, the case…); `userId` the account it speaks for, when there is one.
 */
export type LinkHolderActor = Origin & {
  kind: "link";
  link: LinkKind;
  subjectId: string;
  userId: string | null;
};

/** A visitor with no credential (sign-up, "forgot password"); `userId` once the visit created or named an account. */
export type AnonymousActor = Origin & { kind: "anonymous"; userId?: string | null };

/** A scheduled job: acts on nobody's behalf, so it passes no access check — services it runs are system-only. */
export type SystemActor = { kind: "system"; job: string };

/** Who is acting. Every service receives one and derives what it may see from it. */
export type Actor = UserActor | TokenActor | PartnerActor | StaffActor | LinkHolderActor | AnonymousActor | SystemActor;

export type ActorKindName = Actor["kind"];

/** The person behind an actor, when there is one. */
export function actorUserId(actor: Actor): string | null {
  switch (actor.kind) {
    case "system":
      return null;
    case "anonymous":
      return actor.userId ?? null;
    default:
      return actor.userId;
  }
}

export function linkHolder(link: LinkKind, subjectId: string, userId: string | null, origin: Origin = {}): LinkHolderActor {
  return { kind: "link", link, subjectId, userId, ip: origin.ip ?? null, userAgent: origin.userAgent ?? null };
}

export function systemJob(job: string): SystemActor {
  return { kind: "system", job };
}
