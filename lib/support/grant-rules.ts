import { DAY } from "@/lib/clock";
import type { SupportScope } from "@/lib/generated/prisma/enums";

/** SUP-2: a grant ends by itself 7 days after it is given. */
export const SUPPORT_GRANT_DAYS = 7;
export const SUPPORT_GRANT_MS = SUPPORT_GRANT_DAYS * DAY;

/** SUP-1: the contents a user toggles separately on the support-access page. */
export const TOGGLED_SCOPES = ["MAIL", "DRIVE", "CHAT"] as const satisfies readonly SupportScope[];
export type ToggledScope = (typeof TOGGLED_SCOPES)[number];

/** A grant in force at `at`: neither revoked nor expired (checked on every read, whatever the job did). */
export const activeGrantWhere = (at: Date) => ({ revokedAt: null, expiresAt: { gt: at } });

/** The product category whose content each toggle opens (a grant may be limited to some of its products). */
export const SCOPE_CATEGORY: Record<ToggledScope, "mail" | "drive" | "chat"> = { MAIL: "mail", DRIVE: "drive", CHAT: "chat" };
