import { z } from "zod";
import type { UserActor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { otherPersonalRecords } from "./personal-records";

export const exportFormatSchema = z.object({ format: z.enum(["json", "csv"], { message: "validation.invalid" }).default("json") });

/** One item of the export: a section, and the item's fields (no secret, no hash: metadata only). */
export type PersonalRecord = { section: PersonalSection; fields: Record<string, string | number | boolean | null | string[]> };
export const PERSONAL_SECTIONS = [
  "profile",
  "memberships",
  "sessions",
  "devices",
  "twoFactorMethods",
  "twoFactorChallenges",
  "backupCodes",
  "apiTokens",
  "appPasswords",
  "calendarFeed",
  "emailChanges",
  "passwordResetRequests",
  "passwordResetLinks",
  "invitationsSent",
  "invitationsReceived",
  "identityVerifications",
  "supportRequests",
  "supportMessages",
  "supportGrants",
  "handledRequests",
  "staffDecisions",
  "ordersPlaced",
  "partnershipInvitations",
  "partnerApplications",
  "tenders",
  "contactOf",
  "activity",
] as const;
export type PersonalSection = (typeof PERSONAL_SECTIONS)[number];

/** Activity rows are read this many at a time, by keyset on id, so memory does not grow with the log. */
const ACTIVITY_BATCH = 500;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const rows = (section: PersonalSection, list: Record<string, PersonalRecord["fields"][string]>[]): PersonalRecord[] => list.map((fields) => ({ section, fields }));

/**
 * GDPR "my data": everything the Manager holds about the signed-in person, and only them — their profile
 * (with language and theme), memberships (teams, products and partner clients given to them), sessions,
 * known devices, second-factor methods, push challenges and backup codes, API tokens, application
 * passwords and the calendar feed (names, dates and display hints, never a secret or hash), e-mail changes,
 * password-reset requests and links, invitations they sent (not the invitee's address) and received,
 * identity checks (not the staff's internal note), support requests with their own messages, the support
 * access they gave, orders they placed, partnership invitations, partner applications, calls for tenders,
 * the records that name them as a contact, what they did as staff, and the activity log rows they did or
 * that are about them. Every model of the schema holding a person was reviewed (PERSONAL_DATA_MODELS).
 * Limited per person (each export reads the whole log) and itself logged. Yields batches so the route
 * streams the file.
 */
export async function* exportPersonalData(db: Db, actor: UserActor, format: "json" | "csv"): AsyncGenerator<PersonalRecord[]> {
  await consumeOrThrow("personalDataExportPerUser", actor.userId);
  const me = await db.user.findFirst({
    where: { id: actor.userId, deletedAt: null },
    select: { id: true, email: true, firstName: true, lastName: true, locale: true, theme: true, timeZone: true, phone: true, staffRole: true, createdAt: true, lastSignInAt: true, emailVerifiedAt: true, blockedAt: true },
  });
  if (!me) throw new AppError("UNAUTHENTICATED");
  await audit(db, actor, { action: "account.dataExported", targetId: me.id, metadata: { format } });
  yield rows("profile", [{ ...me, createdAt: iso(me.createdAt), lastSignInAt: iso(me.lastSignInAt), emailVerifiedAt: iso(me.emailVerifiedAt), blockedAt: iso(me.blockedAt) }]);

  const [memberships, sessions, devices, methods, tokens, appPasswords, requests] = await Promise.all([
    db.membership.findMany({
      where: { userId: me.id },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        contactPrefs: true,
        createdAt: true,
        organization: { select: { id: true, name: true } },
        teams: { select: { team: { select: { name: true } } } },
        productAccess: { select: { level: true, product: { select: { name: true } } } },
        managedClients: { select: { partnership: { select: { client: { select: { name: true } } } } } },
      },
    }),
    db.session.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" }, select: { createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, ip: true, userAgent: true } }),
    db.knownDevice.findMany({ where: { userId: me.id }, orderBy: { firstSeenAt: "asc" }, select: { label: true, firstSeenAt: true, lastSeenAt: true } }),
    db.twoFactorMethod.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" }, select: { type: true, label: true, phone: true, isDefault: true, confirmedAt: true, createdAt: true } }),
    db.apiToken.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" }, select: { name: true, displayPrefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } }),
    db.appPassword.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" }, select: { name: true, displayHint: true, createdAt: true, lastUsedAt: true, revokedAt: true } }),
    db.supportRequest.findMany({
      where: { requesterId: me.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, subject: true, body: true, status: true, createdAt: true, closedAt: true, organization: { select: { name: true } }, messages: { where: { authorId: me.id }, select: { body: true, createdAt: true }, orderBy: { createdAt: "asc" } } },
    }),
  ]);
  yield rows(
    "memberships",
    memberships.map((m) => ({
      organizationId: m.organization.id,
      organization: m.organization.name,
      role: m.role,
      contactPreferences: m.contactPrefs,
      teams: m.teams.map((t) => t.team.name),
      products: m.productAccess.map((a) => `${a.product.name} (${a.level})`),
      partnerClients: m.managedClients.map((c) => c.partnership.client.name),
      since: iso(m.createdAt),
    })),
  );
  yield rows("sessions", sessions.map((s) => ({ signedInAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), endsAt: iso(s.expiresAt), revokedAt: iso(s.revokedAt), ip: s.ip, userAgent: s.userAgent })));
  yield rows("devices", devices.map((d) => ({ label: d.label, firstSeenAt: iso(d.firstSeenAt), lastSeenAt: iso(d.lastSeenAt) })));
  yield rows("twoFactorMethods", methods.map((m) => ({ type: m.type, label: m.label, phone: m.phone, isDefault: m.isDefault, confirmedAt: iso(m.confirmedAt), createdAt: iso(m.createdAt) })));
  yield rows("apiTokens", tokens.map((t) => ({ name: t.name, prefix: t.displayPrefix, scopes: t.scopes, createdAt: iso(t.createdAt), expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) })));
  yield rows("appPasswords", appPasswords.map((p) => ({ name: p.name, hint: p.displayHint, createdAt: iso(p.createdAt), lastUsedAt: iso(p.lastUsedAt), revokedAt: iso(p.revokedAt) })));
  yield rows(
    "supportRequests",
    requests.map((r) => ({
      id: r.id,
      organization: r.organization.name,
      subject: r.subject,
      description: r.body,
      status: r.status,
      openedAt: iso(r.createdAt),
      closedAt: iso(r.closedAt),
      yourReplies: r.messages.map((m) => `${m.createdAt.toISOString()} ${m.body}`),
    })),
  );

  yield* otherPersonalRecords(db, me);

  // The log rows the person did, and those about them (sign-ins failed against their account, for instance).
  const about = { OR: [{ actorId: me.id }, { targetType: "user", targetId: me.id }] };
  let after: bigint | null = null;
  for (;;) {
    const batch: { id: bigint; at: Date; action: string; actorKind: string; via: string | null; orgId: string | null; ip: string | null; userAgent: string | null }[] = await db.auditLog.findMany({
      where: after === null ? about : { AND: [about, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: ACTIVITY_BATCH,
      select: { id: true, at: true, action: true, actorKind: true, via: true, orgId: true, ip: true, userAgent: true },
    });
    if (batch.length === 0) return;
    yield rows("activity", batch.map((a) => ({ at: a.at.toISOString(), action: a.action, as: a.actorKind, via: a.via, organizationId: a.orgId, ip: a.ip, userAgent: a.userAgent })));
    if (batch.length < ACTIVITY_BATCH) return;
    after = batch[batch.length - 1].id;
  }
}
