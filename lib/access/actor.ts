import type { Role, StaffRole } from "@/lib/generated/prisma/enums";

/** Who is acting. Every service receives one and derives what it may see from it. */
export type Actor =
  | {
      kind: "user";
      userId: string;
      sessionId: string;
      staffRole: StaffRole | null;
      /**
       * The person's memberships by Organization id, read once while a console page renders (with the
       * Organization switcher's list). requireAccess uses them instead of reading again; absent (server
       * actions, route handlers), it reads the database.
       */
      memberships?: ReadonlyMap<string, { id: string; role: Role }>;
      ip?: string | null;
      userAgent?: string | null;
    }
  | {
      kind: "token";
      tokenId: string;
      userId: string;
      orgId: string;
      scopes: string[];
      /**
       * The owner's membership of `orgId`, read with the token in the same statement (null: the owner
       * left). requireAccess uses it instead of reading it again; absent, requireAccess reads it.
       */
      membership?: { id: string; role: Role } | null;
      ip?: string | null;
      userAgent?: string | null;
    }
  | { kind: "system" };

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "system" ? null : actor.userId;
}
