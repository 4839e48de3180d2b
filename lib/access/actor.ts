import type { StaffRole } from "@/lib/generated/prisma/enums";

/** Who is acting. Every service receives one and derives what it may see from it. */
export type Actor =
  | {
      kind: "user";
      userId: string;
      sessionId: string;
      staffRole: StaffRole | null;
      ip?: string | null;
      userAgent?: string | null;
    }
  | {
      kind: "token";
      tokenId: string;
      userId: string;
      orgId: string;
      scopes: string[];
      ip?: string | null;
      userAgent?: string | null;
    }
  | { kind: "system" };

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "system" ? null : actor.userId;
}
