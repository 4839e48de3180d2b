import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { can, PARTNER_PERMISSIONS, staffCan, type Action, type StaffAction } from "@/lib/access/permissions";
import { displayPrefix, generateToken } from "@/lib/api-tokens/token-format";
import { createSession } from "@/lib/auth/sessions";
import { getDb, type Db } from "@/lib/db";
import type { Role, StaffRole } from "@/lib/generated/prisma/enums";
import { hashSecret } from "@/lib/security/tokens";
import {
  addMember,
  createInvoice,
  createOrder,
  createOrganization,
  createPartner,
  createPartnerApplication,
  createPartnership,
  createProducts,
  createStaffUser,
  createTag,
  createTeam,
  createTotpMethod,
  createUser,
  DEFAULT_PASSWORD,
  grantProductAccess,
  partnerOf,
  tagProducts,
  unique,
} from "../factories";
import { signIn, signOut } from "./support/browser-session";
import { run, serverActions } from "./support/server-actions";

/**
 * The server-action half of the authorization matrix. Every function exported by a "use server" module
 * (found by reading the app and lib folders, so a new action without an entry below fails the first
 * test) is declared here with what it needs, and called through its real wrapper with a real session
 * cookie, by every kind of caller: signed out, each role of the Organization, a member of another
 * Organization only, a FULL and a LIMITED partner, a partner whose partnership ended, and staff. Each
 * outcome is checked against the tables: allowed (the action succeeds), forbidden, not found (another
 * tenant's ids are never confirmed) or "sign in first".
 *
 * next/headers (the cookie jar), next/cache (page revalidation) and the translator are the framework's
 * request context, which only exists inside a Next.js request: they are replaced by the real session
 * cookie, a no-op and the catalogue keys. Everything behind them — sessions, services, PostgreSQL — is real.
 */
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

beforeEach(() => signOut());

type Form = Record<string, string | string[]>;
type Caller = { userId: string; membershipId: string | null };
type Ctx = { db: Db; w: World; me: Caller };

/** An Organization action: what the role (or partner) table must allow, and a valid form for a fresh object. */
type OrgEntry = { needs: Action; membersOnly?: true; form: (c: Ctx) => Promise<Form> };
type Victim = { db: Db; victimId: string };
type Subject = { db: Db; subjectId: string };
/**
 * Acts on the signed-in person's own account only; `foreign` fills the form with another person's object.
 * `answersUnknownIds`: an unknown id gets an answer rather than an error (a pairing that is not the
 * person's reads as expired), which another person's id must get too.
 */
type OwnEntry = { own: true; foreign?: (c: Victim) => Promise<Form>; answersUnknownIds?: true };
/** A back-office action: what the staff table must allow. */
type StaffEntry = { staff: StaffAction; form: (c: Subject) => Promise<Form> };
/** Not an action on anyone's data: sign-up, a link holder's step, a sign-in step, a browser preference. */
type OpenEntry = { open: string };
type Entry = OrgEntry | OwnEntry | StaffEntry | OpenEntry;

const CONSOLE = "app/(console)";
const AUTH = "app/(auth)";

async function freshMember(db: Db, orgId: string, role: Role = "EXTERNAL") {
  const user = await createUser(db);
  return addMember(db, orgId, user.id, role);
}

async function ownToken(db: Db, orgId: string, userId: string) {
  const token = generateToken();
  return db.apiToken.create({ data: { userId, organizations: { create: { orgId } }, name: "matrix", tokenHash: hashSecret(token), displayPrefix: displayPrefix(token), scopes: ["products:read"] } });
}

async function invitation(db: Db, w: World) {
  return db.invitation.create({
    data: { orgId: w.orgId, email: `${unique("invitee")}@example.test`, role: "EXTERNAL", tokenHash: hashSecret(generateToken()), invitedById: w.roles.LEGAL_REPRESENTATIVE.userId, expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

/** An approved partner with an Organization of its own, unrelated to the callers. */
async function otherPartner(db: Db) {
  return createPartner(db, { orgId: (await createOrganization(db)).id });
}

/** A fresh partnership of the world's Organization (as the client) with a partner of its own. */
async function clientPartnership(db: Db, w: World, status: "PENDING" | "ACTIVE") {
  return createPartnership(db, { partnerId: (await otherPartner(db)).id, clientOrgId: w.orgId, access: "FULL", status });
}

async function billingAddress(db: Db, w: World) {
  return db.billingAddress.create({ data: { orgId: w.orgId, label: unique("Office"), name: "Matrix SA", street: "Rue 1", postalCode: "1000", city: "Lausanne", country: "CH" } });
}

async function unpaidInvoice(db: Db, w: World) {
  return createInvoice(db, { org: await db.organization.findUniqueOrThrow({ where: { id: w.orgId } }), status: "UNPAID" });
}

async function order(db: Db, w: World, status: "PENDING" | "BLOCKED") {
  return createOrder(db, { org: await db.organization.findUniqueOrThrow({ where: { id: w.orgId } }), status, placedById: w.roles.LEGAL_REPRESENTATIVE.userId });
}

const address = { label: "Branch", name: "Matrix SA", street: "Rue 2", postalCode: "1000", city: "Lausanne", country: "CH" };

const MATRIX: Record<string, Entry> = {
  // The Organization's details and billing addresses (ORG-1).
  [`${CONSOLE}/[org]/organization/actions.ts#updateOrganizationAction`]: { needs: "org.update", form: async ({ w }: Ctx) => ({ orgId: w.orgId, name: "Matrix SA" }) },
  [`${CONSOLE}/[org]/organization/actions.ts#updateVatNumberAction`]: { needs: "org.update", form: async ({ w }: Ctx) => ({ orgId: w.orgId, vatNumber: "" }) },
  [`${CONSOLE}/[org]/organization/actions.ts#addBillingAddressAction`]: { needs: "org.update", form: async ({ w }: Ctx) => ({ orgId: w.orgId, ...address }) },
  [`${CONSOLE}/[org]/organization/actions.ts#updateBillingAddressAction`]: {
    needs: "org.update",
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, addressId: (await billingAddress(db, w)).id, ...address }),
  },
  [`${CONSOLE}/[org]/organization/actions.ts#deleteBillingAddressAction`]: { needs: "org.update", form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, addressId: (await billingAddress(db, w)).id }) },
  [`${CONSOLE}/[org]/organization/actions.ts#setDefaultBillingAddressAction`]: { needs: "org.update", form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, addressId: (await billingAddress(db, w)).id }) },
  // Paying an invoice (BIL-5): the browser then goes to the operator's page.
  [`${CONSOLE}/[org]/invoices/[invoiceId]/actions.ts#payInvoiceAction`]: {
    needs: "billing.pay",
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, invoiceId: (await unpaidInvoice(db, w)).id, method: "CARD", idempotencyKey: randomUUID() }),
  },
  // The prepaid account (BIL-5, BIL-6): paying an invoice from the balance (a fresh balance each time), topping it up.
  [`${CONSOLE}/[org]/invoices/[invoiceId]/actions.ts#payFromPrepaidAction`]: {
    needs: "billing.pay",
    form: async ({ db, w }: Ctx) => {
      await db.prepaidEntry.create({ data: { orgId: w.orgId, kind: "TOPUP", amountMinor: 500, currency: (await db.organization.findUniqueOrThrow({ where: { id: w.orgId } })).currency } });
      return { orgId: w.orgId, invoiceId: (await unpaidInvoice(db, w)).id, idempotencyKey: randomUUID() };
    },
  },
  [`${CONSOLE}/[org]/payments/prepaid/actions.ts#topUpAction`]: { needs: "billing.pay", form: async ({ w }: Ctx) => ({ orgId: w.orgId, amount: "25.50", method: "CARD", idempotencyKey: randomUUID() }) },
  // Ordering renewals (BIL-2): one order and one invoice for the selection, then the operator's page for who pays.
  [`${CONSOLE}/[org]/payments/actions.ts#payRenewalsAction`]: {
    needs: "billing.order",
    form: async ({ w }: Ctx) => ({ orgId: w.orgId, idempotencyKey: randomUUID(), method: "CARD", productIds: w.productIds[0], months: "12" }),
  },
  // Automatic renewal in bulk (BIL-8) and the billing messages (BIL-10): whoever may pay.
  [`${CONSOLE}/[org]/payments/renewals/actions.ts#setAutoRenewalAction`]: { needs: "billing.pay", form: async ({ w }: Ctx) => ({ orgId: w.orgId, productIds: w.productIds, enabled: "false" }) },
  [`${CONSOLE}/[org]/organization/billing-messages-actions.ts#updateBillingMessagesAction`]: { needs: "billing.pay", form: async ({ w }: Ctx) => ({ orgId: w.orgId, reminderDaysBefore: "45" }) },
  // Orders (BIL-4) and the blocked-order banner's "resend the procedure" (IDV-4).
  [`${CONSOLE}/[org]/orders/actions.ts#payOrderAction`]: {
    needs: "billing.pay",
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, orderId: (await order(db, w, "PENDING")).id, method: "CARD", idempotencyKey: randomUUID() }),
  },
  [`${CONSOLE}/[org]/orders/actions.ts#switchToInvoiceAction`]: {
    needs: "billing.pay",
    // An order chosen to be paid by IBAN: its invoice is a pro-forma (BIL-5).
    form: async ({ db, w }: Ctx) => {
      const o = await order(db, w, "PENDING");
      await db.invoice.update({ where: { id: o.invoice.id }, data: { kind: "PROFORMA" } });
      return { orgId: w.orgId, orderId: o.id };
    },
  },
  [`${CONSOLE}/[org]/orders/actions.ts#resendProcedureAction`]: { needs: "billing.pay", form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, orderId: (await order(db, w, "BLOCKED")).id }) },
  // Users, invitations, permissions (ORG-2 … ORG-5).
  [`${CONSOLE}/[org]/users/invite/actions.ts#inviteUserAction`]: {
    needs: "users.invite",
    membersOnly: true,
    form: async ({ w }: Ctx) => ({ orgId: w.orgId, email: `${unique("new")}@example.test`, role: "EXTERNAL" }),
  },
  [`${CONSOLE}/[org]/users/invite/actions.ts#resendInvitationAction`]: { needs: "users.invite", membersOnly: true, form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, invitationId: (await invitation(db, w)).id }) },
  [`${CONSOLE}/[org]/users/invite/actions.ts#revokeInvitationAction`]: { needs: "users.invite", membersOnly: true, form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, invitationId: (await invitation(db, w)).id }) },
  [`${CONSOLE}/[org]/users/actions.ts#changeRoleAction`]: {
    needs: "users.update",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, membershipId: (await freshMember(db, w.orgId)).id, role: "USER" }),
  },
  [`${CONSOLE}/[org]/users/actions.ts#removeMembersAction`]: { needs: "users.remove", membersOnly: true, form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, membershipIds: (await freshMember(db, w.orgId)).id }) },
  [`${CONSOLE}/[org]/users/actions.ts#leaveOrganizationAction`]: {
    needs: "membership.leave",
    membersOnly: true,
    // A second legal representative, so that the first may leave too (ORG-4 keeps at least one).
    form: async ({ db, w }: Ctx) => (await freshMember(db, w.orgId, "LEGAL_REPRESENTATIVE"), { orgId: w.orgId }),
  },
  [`${CONSOLE}/[org]/users/[membershipId]/actions.ts#updateMemberPermissionsAction`]: {
    needs: "users.update",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, membershipId: (await freshMember(db, w.orgId)).id, addProductIds: w.productIds[0] }),
  },
  // Teams (ORG-6).
  [`${CONSOLE}/[org]/teams/actions.ts#createTeamAction`]: { needs: "teams.manage", membersOnly: true, form: async ({ w }: Ctx) => ({ orgId: w.orgId, name: unique("Team") }) },
  [`${CONSOLE}/[org]/teams/actions.ts#renameTeamAction`]: {
    needs: "teams.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, teamId: (await createTeam(db, { orgId: w.orgId })).id, name: unique("Renamed") }),
  },
  [`${CONSOLE}/[org]/teams/actions.ts#deleteTeamAction`]: { needs: "teams.manage", membersOnly: true, form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, teamId: (await createTeam(db, { orgId: w.orgId })).id }) },
  [`${CONSOLE}/[org]/teams/actions.ts#addTeamMembersAction`]: {
    needs: "teams.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, teamId: (await createTeam(db, { orgId: w.orgId })).id, membershipIds: (await freshMember(db, w.orgId)).id }),
  },
  [`${CONSOLE}/[org]/teams/actions.ts#removeTeamMemberAction`]: {
    needs: "teams.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => {
      const member = await freshMember(db, w.orgId);
      return { orgId: w.orgId, teamId: (await createTeam(db, { orgId: w.orgId, membershipIds: [member.id] })).id, membershipId: member.id };
    },
  },
  [`${CONSOLE}/[org]/teams/actions.ts#grantTeamProductsAction`]: {
    needs: "teams.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, teamId: (await createTeam(db, { orgId: w.orgId })).id, productIds: w.productIds[0] }),
  },
  [`${CONSOLE}/[org]/teams/actions.ts#revokeTeamProductAction`]: {
    needs: "teams.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, teamId: (await createTeam(db, { orgId: w.orgId, productIds: [w.productIds[0]] })).id, productId: w.productIds[0] }),
  },
  // Tags (TAG-1 … TAG-3): on products every caller here may see.
  [`${CONSOLE}/[org]/tags/actions.ts#createTagAction`]: { needs: "tags.manage", form: async ({ w }: Ctx) => ({ orgId: w.orgId, name: unique("tag"), color: "red" }) },
  [`${CONSOLE}/[org]/tags/actions.ts#updateTagAction`]: {
    needs: "tags.manage",
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, tagId: (await createTag(db, { orgId: w.orgId })).id, name: unique("renamed"), color: "blue" }),
  },
  [`${CONSOLE}/[org]/tags/actions.ts#deleteTagAction`]: { needs: "tags.manage", form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, tagId: (await createTag(db, { orgId: w.orgId })).id }) },
  [`${CONSOLE}/[org]/products/actions.ts#attachTagAction`]: {
    needs: "tags.manage",
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, productIds: w.productIds[0], tagId: (await createTag(db, { orgId: w.orgId })).id }),
  },
  [`${CONSOLE}/[org]/products/actions.ts#detachTagAction`]: {
    needs: "tags.manage",
    form: async ({ db, w }: Ctx) => {
      const tag = await createTag(db, { orgId: w.orgId });
      await tagProducts(db, [{ productId: w.productIds[0], tagId: tag.id }]);
      return { orgId: w.orgId, productId: w.productIds[0], tagId: tag.id };
    },
  },
  // Partners of the Organization (PRT-2 … PRT-7): its legal representative adds and changes them; a partner never does.
  [`${CONSOLE}/[org]/partners/actions.ts#addPartnerAction`]: {
    needs: "partners.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, partnerId: (await otherPartner(db)).id, access: "FULL", payer: "CLIENT" }),
  },
  [`${CONSOLE}/[org]/partners/actions.ts#resendPartnerInvitationAction`]: {
    needs: "partners.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, partnershipId: (await clientPartnership(db, w, "PENDING")).id }),
  },
  [`${CONSOLE}/[org]/partners/actions.ts#deletePartnerInvitationAction`]: {
    needs: "partners.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, partnershipId: (await clientPartnership(db, w, "PENDING")).id }),
  },
  [`${CONSOLE}/[org]/partners/actions.ts#changePayerAction`]: {
    needs: "partners.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, partnershipId: (await clientPartnership(db, w, "ACTIVE")).id, payer: "PARTNER" }),
  },
  [`${CONSOLE}/[org]/partners/actions.ts#endPartnershipAction`]: {
    needs: "partners.manage",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, partnershipId: (await clientPartnership(db, w, "ACTIVE")).id }),
  },
  // The reseller area (PRT-7): here the Organization is the partner, ending a partnership with one of its clients.
  [`${CONSOLE}/reseller/actions.ts#endClientPartnershipAction`]: {
    needs: "clients.manageAll",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => {
      const partner = (await db.partner.findUnique({ where: { orgId: w.orgId } })) ?? (await createPartner(db, { orgId: w.orgId }));
      const client = await createOrganization(db);
      return { partnershipId: (await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL" })).id };
    },
  },

  // API tokens (TOK-1, TOK-4): personal, created on the account page; restricted to an Organization, within
  // one's role there. Revoking with an Organization is its legal representative's oversight.
  [`${CONSOLE}/account/api-tokens/actions.ts#createApiTokenAction`]: {
    needs: "tokens.manage",
    membersOnly: true,
    form: async ({ w }: Ctx) => ({ orgIds: w.orgId, name: unique("token"), scopes: "products:read", validity: "unlimited", password: DEFAULT_PASSWORD }),
  },
  [`${CONSOLE}/account/api-tokens/actions.ts#revokeApiTokenAction`]: {
    needs: "tokens.oversee",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ orgId: w.orgId, tokenId: (await ownToken(db, w.orgId, w.roles.USER.userId)).id }),
  },

  // Support access (SUP-1 … SUP-3): what a member gives the staff handling their requests.
  [`${CONSOLE}/account/support-access/actions.ts#setSupportAccessAction`]: { needs: "support.grant", membersOnly: true, form: async ({ w }: Ctx) => ({ orgId: w.orgId, scope: "MAIL", enabled: "true" }) },
  [`${CONSOLE}/account/support-access/actions.ts#revokeGrantAction`]: {
    needs: "support.grant",
    membersOnly: true,
    form: async ({ db, w, me }: Ctx) => {
      const grant = await db.supportGrant.create({ data: { orgId: w.orgId, userId: me.userId || w.roles.LEGAL_REPRESENTATIVE.userId, scope: "DRIVE", expiresAt: new Date(Date.now() + 86_400_000) } });
      return { orgId: w.orgId, grantId: grant.id };
    },
  },
  [`${CONSOLE}/[org]/mail/[mailboxId]/actions.ts#shareMailAction`]: {
    needs: "support.grant",
    membersOnly: true,
    form: async ({ db, w, me }: Ctx) => {
      const [product] = await createProducts(db, [{ orgId: w.orgId, category: "mail" }]);
      if (me.membershipId) await grantProductAccess(db, { membershipId: me.membershipId, productIds: [product.id] });
      const mailbox = await db.mailbox.create({
        data: { productId: product.id, address: `${unique("box")}@example.test`, displayName: "Box", messages: { create: { fromName: "X", fromAddress: "x@example.test", toAddress: "box@example.test", subject: "Hi", body: "Hello", receivedAt: new Date() } } },
        include: { messages: true },
      });
      return { orgId: w.orgId, messageId: mailbox.messages[0].id };
    },
  },

  // Support requests (SUP-4): the customer closes one they follow.
  [`${CONSOLE}/[org]/support/[requestId]/actions.ts#closeRequestAction`]: {
    needs: "support.request",
    membersOnly: true,
    form: async ({ db, w, me }: Ctx) => {
      const request = await db.supportRequest.create({ data: { orgId: w.orgId, requesterId: me.userId || w.roles.LEGAL_REPRESENTATIVE.userId, subject: "Matrix", body: "Help" } });
      return { orgId: w.orgId, requestId: request.id };
    },
  },

  // The partner programme (PRT-1): a legal representative applies; the Organization as a partner edits its
  // directory profile (legal representative) and decides who manages which client (PRT-9, people's rights).
  [`${CONSOLE}/[org]/partner-programme/actions.ts#applyToProgrammeAction`]: {
    needs: "org.update",
    membersOnly: true,
    form: async ({ w }: Ctx) => ({
      orgId: w.orgId,
      companyName: "Matrix SA",
      country: "CH",
      tradeRegisterNumber: "CHE-116.281.710",
      website: "matrix.example",
      yearlyVolume: "5000",
      supportsClients: "on",
      invoicesClients: "on",
      tendersExclusive: "on",
      resellerTerms: "on",
    }),
  },
  // Leaving is always possible, so the answer is the table's whatever the world's partner state.
  [`${CONSOLE}/[org]/partner-programme/actions.ts#setAffiliateAction`]: {
    needs: "org.update",
    membersOnly: true,
    form: async ({ w }: Ctx) => ({ orgId: w.orgId, affiliate: "leave" }),
  },
  [`${CONSOLE}/reseller/[partnerId]/profile/actions.ts#updatePartnerProfileAction`]: {
    needs: "org.update",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => ({ partnerId: (await partnerOf(db, w.orgId)).id, displayName: "Matrix Partners", website: "matrix.example", region: "CH_ROMANDIE", specialities: ["wordpress"], inDirectory: "on" }),
  },
  [`${CONSOLE}/reseller/[partnerId]/managers/actions.ts#assignClientsAction`]: {
    needs: "users.update",
    membersOnly: true,
    form: async ({ db, w }: Ctx) => {
      const partner = await partnerOf(db, w.orgId);
      const partnership = await createPartnership(db, { partnerId: partner.id, clientOrgId: (await createOrganization(db)).id, access: "FULL" });
      return { partnerId: partner.id, membershipId: (await freshMember(db, w.orgId, "USER")).id, partnershipIds: partnership.id };
    },
  },

  // The person's own account (ACC-3, 2FA-*, APP-*): nobody reaches another person's objects.
  [`${CONSOLE}/account/security/actions.ts#startTotpAction`]: { own: true },
  [`${CONSOLE}/account/security/actions.ts#confirmTotpAction`]: { own: true, foreign: async ({ db, victimId }: Victim) => ({ methodId: (await totpMethod(db, victimId, false)).id, code: "123456" }) },
  [`${CONSOLE}/account/security/actions.ts#regenerateBackupCodesAction`]: { own: true },
  [`${CONSOLE}/account/security/actions.ts#removeMethodAction`]: { own: true, foreign: async ({ db, victimId }: Victim) => ({ methodId: (await totpMethod(db, victimId, true)).id, password: DEFAULT_PASSWORD }) },
  [`${CONSOLE}/account/security/actions.ts#disableTwoFactorAction`]: { own: true },
  [`${CONSOLE}/account/privacy/actions.ts#deleteAccountAction`]: { own: true },
  [`${CONSOLE}/account/security/actions.ts#revokeSessionAction`]: { own: true, foreign: async ({ db, victimId }: Victim) => ({ sessionId: (await createSession(db, { userId: victimId, twoFactorPassed: true })).sessionId }) },
  [`${CONSOLE}/account/security/actions.ts#revokeOtherSessionsAction`]: { own: true },
  [`${CONSOLE}/account/security/credentials-actions.ts#changePasswordAction`]: { own: true },
  [`${CONSOLE}/account/security/credentials-actions.ts#requestEmailChangeAction`]: { own: true },
  [`${CONSOLE}/account/security/credentials-actions.ts#secureAccountAction`]: { own: true },
  ["lib/actions/email-confirmation.ts#resendEmailConfirmationAction"]: { own: true },
  [`${CONSOLE}/account/security/app-password-actions.ts#createAppPasswordAction`]: { own: true },
  [`${CONSOLE}/account/security/app-password-actions.ts#revokeAppPasswordAction`]: {
    own: true,
    foreign: async ({ db, victimId }: Victim) => ({ appPasswordId: (await db.appPassword.create({ data: { userId: victimId, name: "mail", passwordHash: "x", displayHint: "abcd" } })).id }),
  },
  [`${CONSOLE}/account/security/app-password-actions.ts#revokeAllAppPasswordsAction`]: { own: true },
  [`${CONSOLE}/account/security/device-actions.ts#startPushAction`]: { own: true },
  [`${CONSOLE}/account/security/device-actions.ts#pushStatusAction`]: { own: true, answersUnknownIds: true, foreign: async ({ db, victimId }: Victim) => ({ methodId: (await pushMethod(db, victimId)).id }) },
  [`${CONSOLE}/account/security/device-actions.ts#startSmsAction`]: { own: true },
  [`${CONSOLE}/account/security/device-actions.ts#resendSmsAction`]: { own: true, foreign: async ({ db, victimId }: Victim) => ({ methodId: (await smsMethod(db, victimId, false)).id }) },
  [`${CONSOLE}/account/security/device-actions.ts#confirmSmsAction`]: { own: true, foreign: async ({ db, victimId }: Victim) => ({ methodId: (await smsMethod(db, victimId, false)).id, code: "123456" }) },
  [`${CONSOLE}/account/security/device-actions.ts#makeDefaultAction`]: { own: true, foreign: async ({ db, victimId }: Victim) => ({ methodId: (await smsMethod(db, victimId, true)).id }) },

  // The back office (IDV-2, SEC-3).
  [`${CONSOLE}/backoffice/verifications/[caseId]/actions.ts#decideVerificationAction`]: {
    staff: "verifications.decide",
    form: async ({ db, subjectId }: Subject) => ({ caseId: (await openCase(db, subjectId)).id, decision: "reject", note: "matrix" }),
  },

  // The support queue (SUP-4): take, reply (which takes an untaken request), reassign.
  [`${CONSOLE}/backoffice/support/actions.ts#takeRequestAction`]: { staff: "requests.handle", form: async ({ db, subjectId }: Subject) => ({ requestId: (await supportRequest(db, subjectId)).id }) },
  [`${CONSOLE}/backoffice/support/actions.ts#replyAsStaffAction`]: {
    staff: "requests.handle",
    form: async ({ db, subjectId }: Subject) => ({ requestId: (await supportRequest(db, subjectId)).id, body: "We are on it." }),
  },
  [`${CONSOLE}/backoffice/support/actions.ts#closeAsStaffAction`]: {
    staff: "requests.handle",
    form: async ({ db, subjectId }: Subject) => ({ requestId: (await supportRequest(db, subjectId)).id, reason: "Solved by phone." }),
  },
  [`${CONSOLE}/backoffice/support/actions.ts#assignRequestAction`]: {
    staff: "requests.assign",
    form: async ({ db, subjectId }: Subject) => ({ requestId: (await supportRequest(db, subjectId)).id, assigneeId: (await createStaffUser(db, { staffRole: "SUPPORT" })).id }),
  },

  // Partner-programme applications (PRT-1): reviewed by the staff roles the table allows.
  [`${CONSOLE}/backoffice/partner-applications/[applicationId]/actions.ts#decidePartnerApplicationAction`]: {
    staff: "partners.review",
    form: async ({ db }: Subject) => ({ applicationId: (await createPartnerApplication(db, { orgId: (await createOrganization(db)).id })).id, decision: "reject", reason: "matrix" }),
  },

  // Incoming bank transfers (BIL-5).
  [`${CONSOLE}/backoffice/transfers/actions.ts#recordTransferAction`]: {
    staff: "transfers.record",
    form: async ({ db }: Subject) => {
      const invoice = await createInvoice(db, { org: await createOrganization(db), status: "UNPAID" });
      return { invoiceNumber: invoice.number, amount: (invoice.totalMinor / 100).toFixed(2), bankReference: unique("bank") };
    },
  },

  // Signed-out entry points: each acts on one thing its link or form names, never on an Organization's data.
  [`${AUTH}/sign-up/actions.ts#signUpAction`]: { open: "a visitor creates an account and its Organization (ACC-1)" },
  [`${AUTH}/forgot-password/actions.ts#requestResetAction`]: { open: "a visitor asks for a reset link, mailed to the address (ACC-4)" },
  [`${AUTH}/reset-password/[token]/actions.ts#resetPasswordAction`]: { open: "the holder of a reset link (ACC-4)" },
  [`${AUTH}/confirm-email/[token]/actions.ts#confirmEmailChangeAction`]: { open: "the holder of an e-mail confirmation link (ACC-3)" },
  [`${AUTH}/invitations/[token]/actions.ts#acceptInvitationAction`]: { open: "the holder of an invitation link, creating an account (ORG-2)" },
  [`${AUTH}/invitations/[token]/actions.ts#joinInvitationAction`]: { open: "the holder of an invitation link, signed in with the invited address (ORG-2)" },
  [`${AUTH}/partner-invitations/[token]/actions.ts#acceptPartnerInvitationAction`]: { open: "the holder of a partner invitation link, signed in as a member of the partner (PRT-4)" },
  [`${AUTH}/partner-invitations/[token]/actions.ts#refusePartnerInvitationAction`]: { open: "the holder of a partner invitation link (PRT-4)" },
  [`${AUTH}/verify/[secret]/actions.ts#sendPhoneCodeAction`]: { open: "the holder of an identity-verification link (IDV-1)" },
  [`${AUTH}/verify/[secret]/actions.ts#confirmPhoneAction`]: { open: "the holder of an identity-verification link (IDV-1)" },
  [`${AUTH}/device/actions.ts#pairDeviceAction`]: { open: "the holder of a device pairing secret (2FA-2)" },
  [`${AUTH}/device/actions.ts#answerRequestAction`]: { open: "a paired device answering a push sign-in (2FA-2)" },
  [`${AUTH}/sign-in/two-factor/actions.ts#verifySecondFactorAction`]: { open: "the second sign-in step of the session that passed the password (2FA-1)" },
  [`${AUTH}/sign-in/two-factor/device-actions.ts#startPushChallengeAction`]: { open: "the second sign-in step (2FA-2)" },
  [`${AUTH}/sign-in/two-factor/device-actions.ts#completePushChallengeAction`]: { open: "the second sign-in step (2FA-2)" },
  [`${AUTH}/sign-in/two-factor/device-actions.ts#sendSignInSmsAction`]: { open: "the second sign-in step (2FA-3)" },
  [`${AUTH}/sign-in/help/actions.ts#requestIdentityCheckAction`]: { open: "a visitor who forgot their login e-mail or can no longer reach it (IDV-1)" },
  [`${AUTH}/sign-in/two-factor/help/actions.ts#requestHelpAction`]: { open: "the second sign-in step asking for recovery (IDV-1)" },
  // Calls for tenders: a visitor's submission, the holder of its cancel link, and a partner's own answer
  // (the partner seat — approved, opted in, a role holding tenders.answer — is tested in tenders.test.ts).
  ["app/(public)/tenders/new/actions.ts#submitTenderAction"]: { open: "a visitor or a customer submits a call for tenders (TND-1)" },
  ["app/(public)/tenders/cancel/[secret]/actions.ts#cancelTenderAction"]: { open: "the holder of a call's cancel link (TND-4)" },
  [`${CONSOLE}/reseller/tenders/[tenderId]/actions.ts#saveProposalAction`]: { open: "a member of an opted-in partner answering for that partner (TND-3)" },
  ["lib/actions/preferences.ts#setLanguage"]: { open: "the browser's language, and the signed-in person's own (I18N-1)" },
  ["lib/actions/preferences.ts#setTheme"]: { open: "the browser's colour theme, and the signed-in person's own (ACC-5)" },
  ["lib/actions/remembered-accounts.ts#rememberCurrentAccount"]: { open: "this browser's list of accounts (ACC-5)" },
  ["lib/actions/remembered-accounts.ts#forgetAccount"]: { open: "this browser's list of accounts (ACC-5)" },
  // The person's own renewal calendar feed (one per person, no id in the form).
  [`${CONSOLE}/account/calendar/actions.ts#createCalendarFeedAction`]: { own: true },
  [`${CONSOLE}/account/calendar/actions.ts#revokeCalendarFeedAction`]: { own: true },
};

async function totpMethod(db: Db, userId: string, confirmed: boolean) {
  return db.twoFactorMethod.create({ data: { userId, type: "TOTP", label: "phone", secretEncrypted: "x", confirmedAt: confirmed ? new Date() : null } });
}
async function smsMethod(db: Db, userId: string, confirmed: boolean) {
  return db.twoFactorMethod.create({ data: { userId, type: "SMS", label: "sms", phone: "+41790000000", confirmedAt: confirmed ? new Date() : null } });
}
async function pushMethod(db: Db, userId: string) {
  return db.twoFactorMethod.create({ data: { userId, type: "PUSH", label: "device" } });
}
async function supportRequest(db: Db, requesterId: string) {
  const org = await createOrganization(db, { legalRepresentativeId: requesterId });
  return db.supportRequest.create({ data: { orgId: org.id, requesterId, subject: "Matrix", body: "Help" } });
}
async function openCase(db: Db, userId: string) {
  return db.identityVerification.create({ data: { userId, email: `${unique("case")}@example.test`, reason: "LOST_TWO_FACTOR", tokenHash: hashSecret(generateToken()) } });
}

type Outcome = "allowed" | "forbidden" | "not_found" | "unauthenticated" | `other: ${string}`;

async function call(fn: (...args: never[]) => unknown, form: Form): Promise<Outcome> {
  const state = await run(fn, form);
  if (state === "redirected" || state?.ok) return "allowed";
  if (!state) return "other: no answer";
  return state.code === "forbidden" || state.code === "not_found" || state.code === "unauthenticated" ? state.code : `other: ${state.code} ${state.message}`;
}

/** The same form naming ids that do not exist. */
const withUnknownIds = (form: Form): Form => Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === "string" && /^c[a-z0-9]{24}$/.test(v) ? "cmatrixdoesnotexist000000" : v]));

type Kind =
  | { kind: "signed out" }
  | { kind: "role"; role: Role }
  | { kind: "member of another Organization" }
  | { kind: "partner"; access: "FULL" | "LIMITED" }
  | { kind: "partner, partnership ended" }
  | { kind: "staff"; staffRole: StaffRole };

const KINDS: Kind[] = [
  { kind: "signed out" },
  ...(["LEGAL_REPRESENTATIVE", "ADMINISTRATOR", "USER", "EXTERNAL"] as const).map((role) => ({ kind: "role" as const, role })),
  { kind: "member of another Organization" },
  { kind: "partner", access: "FULL" },
  { kind: "partner", access: "LIMITED" },
  { kind: "partner, partnership ended" },
  { kind: "staff", staffRole: "SUPPORT" },
  { kind: "staff", staffRole: "ADMIN" },
];

const label = (k: Kind) => (k.kind === "role" ? k.role : k.kind === "partner" ? `${k.access} partner` : k.kind === "staff" ? `staff ${k.staffRole} without a grant` : k.kind);

function expected(k: Kind, e: OrgEntry): Outcome {
  switch (k.kind) {
    case "signed out":
      return "unauthenticated";
    case "role":
      return can(k.role, e.needs) ? "allowed" : "forbidden";
    case "partner":
      return !e.membersOnly && PARTNER_PERMISSIONS[k.access].has(e.needs) ? "allowed" : "forbidden";
    default:
      // Nothing ties them to this Organization: its ids are not confirmed to exist.
      return "not_found";
  }
}

type World = { orgId: string; productIds: string[]; roles: Record<Role, Caller>; callers: Map<Kind, Caller | null> };

/** One Organization with a member per role, two products the USER and EXTERNAL members and the LIMITED partner were granted, partners, staff. */
async function world(db: Db): Promise<World> {
  const org = await createOrganization(db);
  const productIds = (await createProducts(db, [{ orgId: org.id, name: `${unique("a")}.ch` }, { orgId: org.id, name: `${unique("b")}.ch` }])).map((p) => p.id);
  const roles = { LEGAL_REPRESENTATIVE: { userId: org.legalRepresentativeId, membershipId: org.legalRepresentativeMembershipId } } as Record<Role, Caller>;
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
    const m = await freshMember(db, org.id, role);
    roles[role] = { userId: m.userId, membershipId: m.id };
    if (role !== "ADMINISTRATOR") await grantProductAccess(db, { membershipId: m.id, productIds, level: "MANAGE" });
  }
  const partnerRep = async (access: "FULL" | "LIMITED", status: "ACTIVE" | "ENDED" = "ACTIVE") => {
    const partnerOrg = await createOrganization(db);
    const partner = await createPartner(db, { orgId: partnerOrg.id });
    await createPartnership(db, access === "FULL" ? { partnerId: partner.id, clientOrgId: org.id, access, payer: "PARTNER", status } : { partnerId: partner.id, clientOrgId: org.id, access, productIds, status });
    return { userId: partnerOrg.legalRepresentativeId, membershipId: null };
  };
  const callers = new Map<Kind, Caller | null>();
  for (const k of KINDS) {
    if (k.kind === "signed out") callers.set(k, null);
    else if (k.kind === "role") callers.set(k, roles[k.role]);
    else if (k.kind === "member of another Organization") callers.set(k, { userId: (await createOrganization(db)).legalRepresentativeId, membershipId: null });
    else if (k.kind === "partner") callers.set(k, await partnerRep(k.access));
    else if (k.kind === "partner, partnership ended") callers.set(k, await partnerRep("FULL", "ENDED"));
    else callers.set(k, { userId: (await createStaffUser(db, { staffRole: k.staffRole })).id, membershipId: null });
  }
  return { orgId: org.id, productIds, roles, callers };
}

async function as(caller: Caller | null) {
  if (caller) await signIn(caller.userId);
  else signOut();
}

const entries = Object.entries(MATRIX);
const orgEntries = entries.filter((e): e is [string, OrgEntry] => "needs" in e[1]);
const ownEntries = entries.filter((e): e is [string, OwnEntry] => "own" in e[1]);
const staffEntries = entries.filter((e): e is [string, StaffEntry] => "staff" in e[1]);
const size = orgEntries.length * KINDS.length + ownEntries.length * 2 + staffEntries.length * 5;

describe("authorization matrix: server actions", () => {
  let actions: Map<string, (...args: never[]) => unknown>;

  test("[API-6] every server action has a matrix entry, and every entry a server action", async () => {
    actions = await serverActions();
    expect([...actions.keys()].filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !actions.has(k))).toEqual([]);
  });

  describe(`${size} calls`, () => {
    for (const [key, entry] of orgEntries) {
      test(`[ORG-1] [PRD-3] [PRT-3] ${key.split("#")[1]} (${entry.needs}${entry.membersOnly ? ", members only" : ""}): each caller gets what the tables say`, async () => {
        actions ??= await serverActions();
        const db = getDb();
        const w = await world(db);
        const got: string[] = [];
        const want: string[] = [];
        for (const k of KINDS) {
          const me = w.callers.get(k)!;
          const form = await entry.form({ db, w, me: me ?? { userId: "", membershipId: null } });
          await as(me);
          got.push(`${label(k)}: ${await call(actions.get(key)!, form)}`);
          want.push(`${label(k)}: ${expected(k, entry)}`);
        }
        expect(got).toEqual(want);
      });
    }

    for (const [key, entry] of ownEntries) {
      test(`[ACC-3] [2FA-4] ${key.split("#")[1]}: signed out is asked to sign in${entry.foreign ? "; another person's object answers as an unknown id and stays as it was" : ""}`, async () => {
        actions ??= await serverActions();
        const db = getDb();
        const victim = await createUser(db);
        const form = entry.foreign ? await entry.foreign({ db, victimId: victim.id }) : {};
        const before = await accountOf(db, victim.id);
        signOut();
        expect(await call(actions.get(key)!, form)).toBe("unauthenticated");
        if (entry.foreign) {
          await signIn((await createUser(db)).id);
          // Another person's id answers exactly as an id that does not exist, and changes nothing.
          const answer = await run(actions.get(key)!, form);
          expect(answer).toEqual(await run(actions.get(key)!, withUnknownIds(form)));
          expect(answer === "redirected" || answer?.ok === true).toBe(entry.answersUnknownIds === true);
          expect(await accountOf(db, victim.id)).toEqual(before);
        }
      });
    }

    for (const [key, entry] of staffEntries) {
      test(`[IDV-2] [SEC-3] ${key.split("#")[1]} (${entry.staff}): signed out, a customer, and each staff role as the staff table says`, async () => {
        actions ??= await serverActions();
        const db = getDb();
        const subject = await createUser(db);
        const got: string[] = [];
        const want: string[] = [];
        const callers: [string, string | null, Outcome][] = [
          ["signed out", null, "unauthenticated"],
          ["a customer", (await createOrganization(db)).legalRepresentativeId, "not_found"],
        ];
        for (const staffRole of ["SUPPORT", "SUPERVISOR", "ADMIN"] as const) {
          const staff = await createStaffUser(db, { staffRole });
          await createTotpMethod(db, staff.id);
          callers.push([`staff ${staffRole}`, staff.id, staffCan(staffRole, entry.staff) ? "allowed" : "forbidden"]);
        }
        for (const [name, userId, outcome] of callers) {
          const form = await entry.form({ db, subjectId: subject.id });
          // Staff sign in with their second factor (SEC-3); a customer's session is an ordinary one.
          if (userId) await signIn(userId, { secondFactor: name.startsWith("staff") });
          else signOut();
          got.push(`${name}: ${await call(actions.get(key)!, form)}`);
          want.push(`${name}: ${outcome}`);
        }
        expect(got).toEqual(want);
      });
    }
  });
});

/** What a person's account holds that another person's action could change. */
async function accountOf(db: Db, userId: string) {
  const [methods, sessions, appPasswords] = await Promise.all([
    db.twoFactorMethod.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, isDefault: true, confirmedAt: true, phone: true } }),
    db.session.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db.appPassword.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
  ]);
  return { methods, sessions, appPasswords };
}
