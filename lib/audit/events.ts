/**
 * Every audit event, with the type of thing it is about (`null`: the event is about nobody in particular).
 * Names are `<subject>.<pastTense>` in camelCase; `audit()` accepts only these names and records the
 * target type given here, so the log, the activity page and its filters speak one vocabulary.
 */
export const AUDIT_EVENTS = {
  "account.signedUp": "user",
  "account.dataExported": "user",
  "account.deleted": "user",

  "auth.signedIn": "session",
  "auth.signInFailed": "user",
  "auth.passwordResetRequested": "user",
  "auth.passwordReset": "user",
  "auth.passwordChanged": "user",
  "auth.emailChangeRequested": "user",
  "auth.emailChanged": "user",
  "auth.emailConfirmed": "user",
  "auth.reauthFailed": "user",
  "auth.sessionRevoked": "session",
  "auth.otherSessionsRevoked": "user",
  "auth.accountSecured": "user",
  "auth.twoFactorEnrolmentStarted": "twoFactorMethod",
  "auth.twoFactorEnabled": "twoFactorMethod",
  "auth.twoFactorDisabled": "user",
  "auth.twoFactorMethodAdded": "twoFactorMethod",
  "auth.twoFactorMethodRemoved": "twoFactorMethod",
  "auth.twoFactorDefaultChanged": "twoFactorMethod",
  "auth.twoFactorPassed": "session",
  "auth.twoFactorFailed": "session",
  "auth.twoFactorReset": "user",
  "auth.backupCodesRegenerated": "user",
  "auth.pushApproved": "twoFactorChallenge",
  "auth.pushDenied": "twoFactorChallenge",

  "appPassword.created": "appPassword",
  "appPassword.revoked": "appPassword",
  "appPassword.allRevoked": "user",

  "apiToken.created": "apiToken",
  "apiToken.revoked": "apiToken",
  "apiToken.disabledIdle": "apiToken",

  "identityVerification.opened": "identityVerification",
  "identityVerification.linkRenewed": "identityVerification",
  "identityVerification.phoneCodeSent": "identityVerification",
  "identityVerification.phoneCodeFailed": "identityVerification",
  "identityVerification.phoneConfirmed": "identityVerification",
  "identityVerification.submitted": "identityVerification",
  "identityVerification.approved": "identityVerification",
  "identityVerification.rejected": "identityVerification",
  "identityVerification.expired": "identityVerification",
  "identityVerification.recoveryLinkSent": "identityVerification",

  "org.updated": "organization",
  "org.vatNumberChanged": "organization",
  "org.billingAddressAdded": "billingAddress",
  "org.billingAddressUpdated": "billingAddress",
  "org.billingAddressDeleted": "billingAddress",
  "org.defaultBillingAddressChanged": "billingAddress",

  "invitation.created": "invitation",
  "invitation.resent": "invitation",
  "invitation.revoked": "invitation",
  "invitation.accepted": "invitation",

  "membership.added": "membership",
  "membership.roleChanged": "membership",
  "membership.permissionsUpdated": "membership",
  "membership.removed": "membership",
  "membership.left": "membership",

  "team.created": "team",
  "team.renamed": "team",
  "team.deleted": "team",
  "team.memberAdded": "team",
  "team.memberRemoved": "team",
  "team.productGranted": "team",
  "team.productRevoked": "team",

  "tag.created": "tag",
  "tag.updated": "tag",
  "tag.deleted": "tag",
  "tag.attached": "tag",
  "tag.detached": "tag",

  "partnership.invited": "partnership",
  "partnership.invitationResent": "partnership",
  "partnership.invitationDeleted": "partnership",
  "partnership.accepted": "partnership",
  "partnership.refused": "partnership",
  "partnership.payerChanged": "partnership",
  "partnership.ended": "partnership",
  "partnership.externalUpgraded": "partnership",

  "support.accessGranted": "supportGrant",
  "support.accessRevoked": "supportGrant",
  "support.accessChanged": "supportGrant",
  "support.mailboxRead": "mailbox",
  "support.mailRead": "mailMessage",
  "support.driveFolderRead": "driveFolder",
  "support.chatChannelRead": "chatChannel",
  "supportRequest.opened": "supportRequest",
  "supportRequest.replied": "supportRequest",
  "supportRequest.closed": "supportRequest",
  "supportRequest.taken": "supportRequest",
  "supportRequest.assigned": "supportRequest",
  "supportRequest.closedByStaff": "supportRequest",
  "dpa.generated": "organization",
  "payment.succeeded": "payment",
  "payment.failed": "payment",
  "payment.transferRecorded": "payment",
  "order.placed": "order",
  "order.paid": "order",

  "tender.submitted": "tender",
  "tender.cancelled": "tender",
  "tender.proposalSent": "tender",
  "tender.proposalUpdated": "tender",

  "partnerApplication.submitted": "partnerApplication",
  "partnerApplication.approved": "partnerApplication",
  "partnerApplication.rejected": "partnerApplication",
  "partner.profileUpdated": "partner",
  "partner.clientsAssigned": "membership",
  "affiliate.joined": "organization",
  "affiliate.left": "organization",

  "product.autoRenewEnabled": "product",
  "product.autoRenewDisabled": "product",
  "product.renewed": "product",
  "org.billingMessagesChanged": "organization",
  "payment.refunded": "payment",
  "payment.refundFailed": "payment",
  "order.blocked": "order",
  "order.procedureSent": "order",
  "order.released": "order",
  "order.cancelled": "order",
  "order.switchedToInvoice": "order", // BIL-5: the pro-forma of a pending order replaced by an invoice ("pay by card instead")
  "invoice.reminderSent": "invoice",
  "invoice.servicesSuspended": "invoice",
  "invoice.servicesTerminated": "invoice",
  "invoice.topUpProformaIssued": "invoice",
  "invoice.suspensionLifted": "invoice",
  "calendarFeed.created": "user",
  "calendarFeed.revoked": "user",
} as const satisfies Record<string, AuditTarget | null>;

export type AuditTarget =
  | "user"
  | "session"
  | "twoFactorMethod"
  | "twoFactorChallenge"
  | "appPassword"
  | "apiToken"
  | "identityVerification"
  | "organization"
  | "billingAddress"
  | "invitation"
  | "membership"
  | "team"
  | "tag"
  | "product"
  | "supportGrant"
  | "supportRequest"
  | "partnership"
  | "mailbox"
  | "mailMessage"
  | "driveFolder"
  | "chatChannel"
  | "payment"
  | "order"
  | "tender"
  | "partnerApplication"
  | "partner"
  | "invoice";

export type AuditEvent = keyof typeof AUDIT_EVENTS;
export const AUDIT_EVENT_NAMES = Object.keys(AUDIT_EVENTS) as AuditEvent[];

/** The event families the activity page filters on: the part of a name before its dot. */
export const AUDIT_GROUPS = [...new Set(AUDIT_EVENT_NAMES.map((e) => e.split(".")[0]))];
