import type { Db } from "@/lib/db";
import type { PersonalRecord, PersonalSection } from "./export-personal-data";

type Fields = PersonalRecord["fields"];
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const rows = (section: PersonalSection, list: Fields[]): PersonalRecord[] => list.map((fields) => ({ section, fields }));
/** Addresses are stored as typed in some records (contacts, tenders): compared without case. */
const sameEmail = (email: string) => ({ equals: email, mode: "insensitive" as const });

/**
 * GDP-1: the sections of "my data" beyond the account's own rows — what other records hold about the
 * person, by their id or their login e-mail. Metadata only: never a hash, a code or a secret; never
 * another person's address (the invitations they sent name the Organization and role, not the invitee).
 */
export async function* otherPersonalRecords(db: Db, me: { id: string; email: string }): AsyncGenerator<PersonalRecord[]> {
  const [challenges, backupCodes, feed, emailChanges, resetRequests, resetLinks, sent, received, cases] = await Promise.all([
    db.twoFactorChallenge.findMany({
      where: { userId: me.id },
      orderBy: { createdAt: "asc" },
      select: {
        status: true,
        ip: true,
        userAgent: true,
        createdAt: true,
        decidedAt: true,
        method: { select: { type: true, label: true } },
      },
    }),
    db.backupCode.findMany({
      where: { userId: me.id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, usedAt: true },
    }),
    db.calendarFeed.findUnique({ where: { userId: me.id }, select: { createdAt: true, lastReadAt: true } }),
    db.emailChangeRequest.findMany({
      where: { userId: me.id },
      orderBy: { createdAt: "asc" },
      select: { oldEmail: true, newEmail: true, createdAt: true, expiresAt: true, usedAt: true },
    }),
    db.passwordResetRequest.findMany({
      where: { email: sameEmail(me.email) },
      orderBy: { requestedAt: "asc" },
      select: { requestedAt: true, processedAt: true },
    }),
    db.passwordResetToken.findMany({
      where: { userId: me.id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, expiresAt: true, usedAt: true, caseId: true },
    }),
    db.invitation.findMany({
      where: { invitedById: me.id },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        organization: { select: { name: true } },
      },
    }),
    db.invitation.findMany({
      where: { email: sameEmail(me.email) },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        organization: { select: { name: true } },
      },
    }),
    db.identityVerification.findMany({
      where: { userId: me.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        reason: true,
        status: true,
        email: true,
        phone: true,
        documentType: true,
        createdAt: true,
        submittedAt: true,
        decidedAt: true,
        filesDeletedAt: true,
      },
    }),
  ]);
  yield rows(
    "twoFactorChallenges",
    challenges.map((c) => ({
      method: c.method.type,
      methodLabel: c.method.label,
      status: c.status,
      ip: c.ip,
      userAgent: c.userAgent,
      createdAt: iso(c.createdAt),
      decidedAt: iso(c.decidedAt),
    })),
  );
  yield rows(
    "backupCodes",
    backupCodes.map((c) => ({ createdAt: iso(c.createdAt), usedAt: iso(c.usedAt) })),
  );
  yield rows("calendarFeed", feed ? [{ createdAt: iso(feed.createdAt), lastReadAt: iso(feed.lastReadAt) }] : []);
  yield rows(
    "emailChanges",
    emailChanges.map((c) => ({
      oldEmail: c.oldEmail,
      newEmail: c.newEmail,
      requestedAt: iso(c.createdAt),
      expiresAt: iso(c.expiresAt),
      usedAt: iso(c.usedAt),
    })),
  );
  yield rows(
    "passwordResetRequests",
    resetRequests.map((r) => ({ requestedAt: iso(r.requestedAt), processedAt: iso(r.processedAt) })),
  );
  yield rows(
    "passwordResetLinks",
    resetLinks.map((l) => ({
      createdAt: iso(l.createdAt),
      expiresAt: iso(l.expiresAt),
      usedAt: iso(l.usedAt),
      afterIdentityCheck: l.caseId !== null,
    })),
  );
  const invitation = (i: (typeof sent)[number]) => ({
    organization: i.organization.name,
    role: i.role,
    createdAt: iso(i.createdAt),
    expiresAt: iso(i.expiresAt),
    acceptedAt: iso(i.acceptedAt),
    revokedAt: iso(i.revokedAt),
  });
  yield rows("invitationsSent", sent.map(invitation));
  yield rows("invitationsReceived", received.map(invitation));
  yield rows(
    "identityVerifications",
    cases.map((c) => ({
      id: c.id,
      reason: c.reason,
      status: c.status,
      contactEmail: c.email,
      phone: c.phone,
      document: c.documentType,
      openedAt: iso(c.createdAt),
      submittedAt: iso(c.submittedAt),
      decidedAt: iso(c.decidedAt),
      photosDeletedAt: iso(c.filesDeletedAt),
    })),
  );

  const [
    messages,
    grants,
    handled,
    decidedCases,
    decidedApplications,
    orders,
    partnerships,
    applications,
    tenders,
    orgs,
    partners,
    products,
  ] = await Promise.all([
    // Their messages on requests they did not open (their own requests carry theirs already).
    db.supportMessage.findMany({
      where: { authorId: me.id, request: { requesterId: { not: me.id } } },
      orderBy: { createdAt: "asc" },
      select: { requestId: true, body: true, createdAt: true, fromStaff: true },
    }),
    db.supportGrant.findMany({
      where: { userId: me.id },
      orderBy: { createdAt: "asc" },
      select: {
        scope: true,
        createdAt: true,
        expiresAt: true,
        revokedAt: true,
        endedAt: true,
        organization: { select: { name: true } },
        products: { select: { product: { select: { name: true } } } },
      },
    }),
    db.supportRequest.findMany({
      where: { handlerId: me.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, status: true, createdAt: true, closedAt: true, organization: { select: { name: true } } },
    }),
    db.identityVerification.findMany({
      where: { decidedById: me.id },
      orderBy: { decidedAt: "asc" },
      select: { id: true, status: true, decidedAt: true },
    }),
    db.partnerApplication.findMany({
      where: { decidedById: me.id },
      orderBy: { decidedAt: "asc" },
      select: { id: true, status: true, decidedAt: true },
    }),
    db.order.findMany({
      where: { placedById: me.id },
      orderBy: { createdAt: "asc" },
      select: {
        number: true,
        status: true,
        totalMinor: true,
        currency: true,
        createdAt: true,
        organization: { select: { name: true } },
      },
    }),
    db.partnership.findMany({
      where: { invitedById: me.id },
      orderBy: { createdAt: "asc" },
      select: {
        access: true,
        status: true,
        createdAt: true,
        partner: { select: { displayName: true } },
        client: { select: { name: true } },
      },
    }),
    db.partnerApplication.findMany({
      where: { applicantId: me.id },
      orderBy: { createdAt: "asc" },
      select: { companyName: true, applicantEmail: true, status: true, reason: true, createdAt: true, decidedAt: true },
    }),
    db.tender.findMany({
      where: { OR: [{ submitterId: me.id }, { contactEmail: sameEmail(me.email) }] },
      orderBy: { createdAt: "asc" },
      select: {
        title: true,
        description: true,
        contactName: true,
        contactEmail: true,
        contactPhone: true,
        createdAt: true,
        validUntil: true,
        cancelledAt: true,
      },
    }),
    db.organization.findMany({ where: { contactEmail: sameEmail(me.email) }, orderBy: { name: "asc" }, select: { name: true } }),
    db.partner.findMany({
      where: { contactEmail: sameEmail(me.email) },
      orderBy: { displayName: "asc" },
      select: { displayName: true },
    }),
    db.product.findMany({
      where: { holderEmail: sameEmail(me.email) },
      orderBy: { name: "asc" },
      select: { name: true, holderName: true },
    }),
  ]);
  yield rows(
    "supportMessages",
    messages.map((m) => ({ requestId: m.requestId, asStaff: m.fromStaff, at: iso(m.createdAt), body: m.body })),
  );
  yield rows(
    "supportGrants",
    grants.map((g) => ({
      organization: g.organization.name,
      scope: g.scope,
      products: g.products.map((p) => p.product.name),
      givenAt: iso(g.createdAt),
      until: iso(g.expiresAt),
      revokedAt: iso(g.revokedAt),
      endedAt: iso(g.endedAt),
    })),
  );
  yield rows(
    "handledRequests",
    handled.map((r) => ({
      requestId: r.id,
      organization: r.organization.name,
      status: r.status,
      openedAt: iso(r.createdAt),
      closedAt: iso(r.closedAt),
    })),
  );
  yield rows("staffDecisions", [
    ...decidedCases.map((c) => ({ kind: "identityVerification", id: c.id, status: c.status, decidedAt: iso(c.decidedAt) })),
    ...decidedApplications.map((a) => ({ kind: "partnerApplication", id: a.id, status: a.status, decidedAt: iso(a.decidedAt) })),
  ]);
  yield rows(
    "ordersPlaced",
    orders.map((o) => ({
      number: o.number,
      organization: o.organization.name,
      status: o.status,
      totalMinor: o.totalMinor,
      currency: o.currency,
      placedAt: iso(o.createdAt),
    })),
  );
  yield rows(
    "partnershipInvitations",
    partnerships.map((p) => ({
      partner: p.partner.displayName,
      client: p.client.name,
      access: p.access,
      status: p.status,
      createdAt: iso(p.createdAt),
    })),
  );
  yield rows(
    "partnerApplications",
    applications.map((a) => ({
      company: a.companyName,
      email: a.applicantEmail,
      status: a.status,
      reason: a.reason,
      appliedAt: iso(a.createdAt),
      decidedAt: iso(a.decidedAt),
    })),
  );
  yield rows(
    "tenders",
    tenders.map((t) => ({
      title: t.title,
      description: t.description,
      contactName: t.contactName,
      contactEmail: t.contactEmail,
      contactPhone: t.contactPhone,
      createdAt: iso(t.createdAt),
      validUntil: iso(t.validUntil),
      cancelledAt: iso(t.cancelledAt),
    })),
  );
  yield rows("contactOf", [
    ...orgs.map((o) => ({ kind: "organizationContact", name: o.name })),
    ...partners.map((p) => ({ kind: "partnerContact", name: p.displayName })),
    ...products.map((p) => ({ kind: "productHolder", name: p.name, holderName: p.holderName })),
  ]);
}

/**
 * The schema's models that hold a person (a relation to User, a person's id or membership, an e-mail
 * field), each with where the export covers it — or why it does not. A test compares this list with the
 * schema, so a new personal table cannot be forgotten.
 */
export const PERSONAL_DATA_MODELS: Record<string, string> = {
  User: "profile",
  Session: "sessions",
  KnownDevice: "devices",
  TwoFactorMethod: "twoFactorMethods",
  TwoFactorChallenge: "twoFactorChallenges",
  BackupCode: "backupCodes",
  ApiToken: "apiTokens",
  AppPassword: "appPasswords",
  CalendarFeed: "calendarFeed",
  EmailChangeRequest: "emailChanges",
  PasswordResetRequest: "passwordResetRequests",
  PasswordResetToken: "passwordResetLinks",
  Membership: "memberships",
  TeamMember: "memberships (teams)",
  ProductAccess: "memberships (products)",
  PartnerManager: "memberships (partnerClients)",
  Invitation: "invitationsSent, invitationsReceived",
  IdentityVerification: "identityVerifications, staffDecisions",
  SupportRequest: "supportRequests, handledRequests",
  SupportMessage: "supportRequests, supportMessages",
  SupportGrant: "supportGrants",
  Order: "ordersPlaced",
  Partnership: "partnershipInvitations",
  PartnerApplication: "partnerApplications, staffDecisions",
  Tender: "tenders",
  Organization: "contactOf",
  Partner: "contactOf",
  Product: "contactOf",
  AuditLog: "activity",
};
