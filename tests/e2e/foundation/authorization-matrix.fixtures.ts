import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { DAY, now } from "@/lib/clock";
import { createDb } from "@/lib/db";
import type { PartnerAccess, Role, StaffRole } from "@/lib/generated/prisma/enums";
import { addMember, createInvoice, createOrder, createOrganization, createPartner, createPartnerApplication, createPartnership, createProducts, createTeam, createTender, createUsers, grantProductAccess } from "../../factories";
import { runtime, sql } from "../support/helpers";

const PASSWORD = "matrix-password-2026";

/** How a person may act in Organization A, and what else the matrix needs to know about them. */
export type ActorSpec = {
  name: string;
  /** Null: a visitor without a session. */
  email: string | null;
  inA: { via: "membership"; role: Role } | { via: "partnership"; access: PartnerAccess } | null;
  staffRole: StaffRole | null;
  /** Belongs to at least one Organization (the home page sends them to it). */
  member: boolean;
  /** Belongs to a partner Organization (the reseller area). */
  partnerMember: boolean;
  /** The role in the FULL partner's Organization (its reseller-area pages, the `partnerId` segment). */
  inFullPartner?: Role;
};

export const random = (bytes = 24) => randomBytes(bytes).toString("base64url");

/**
 * Organization A with a member of each role, partners with a FULL, a LIMITED and an ENDED partnership on
 * it, another Organization B, support agents with and without a grant on A, and one identity case.
 */
export async function createWorld() {
  const db = createDb(runtime().databaseUrl);
  try {
    const u = await createUsers(db, [
      ...Array.from({ length: 10 }, () => ({ password: PASSWORD })),
      { password: PASSWORD, staffRole: "SUPPORT" as const },
      { password: PASSWORD, staffRole: "SUPPORT" as const },
    ]);
    const [aLr, aAdmin, aUser, aExternal, bLr, fullLr, fullAssigned, fullUnassigned, limitedLr, endedLr, agent, agentWithGrant] = u;

    // SEC-3: staff act as staff only with two-step verification; signedInContext passes their second step.
    await db.twoFactorMethod.createMany({ data: [agent, agentWithGrant].map((s) => ({ userId: s.id, type: "TOTP" as const, label: "Authenticator app", confirmedAt: now() })) });

    const orgA = await createOrganization(db, { legalRepresentativeId: aLr.id });
    await addMember(db, orgA.id, aAdmin.id, "ADMINISTRATOR");
    const aUserMembership = await addMember(db, orgA.id, aUser.id, "USER");
    const aExternalMembership = await addMember(db, orgA.id, aExternal.id, "EXTERNAL");
    const [shared, hidden] = await createProducts(db, [{ orgId: orgA.id }, { orgId: orgA.id }]);
    await grantProductAccess(db, { membershipId: aUserMembership.id, productIds: [shared.id] });
    await grantProductAccess(db, { membershipId: aExternalMembership.id, productIds: [shared.id] });
    const teamA = await createTeam(db, { orgId: orgA.id, membershipIds: [aUserMembership.id] });
    // SUP-1: content of A's mail, drive and chat products, granted to A's user like the shared product.
    const [mailProduct, driveProduct, chatProduct] = await createProducts(db, [
      { orgId: orgA.id, category: "mail" },
      { orgId: orgA.id, category: "drive" },
      { orgId: orgA.id, category: "chat" },
    ]);
    await grantProductAccess(db, { membershipId: aUserMembership.id, productIds: [mailProduct.id, driveProduct.id, chatProduct.id] });
    const mailbox = await db.mailbox.create({
      data: { productId: mailProduct.id, address: "contact@a.example", displayName: "A", messages: { create: { fromName: "X", fromAddress: "x@example.com", toAddress: "contact@a.example", subject: "Hello", body: "Hi", receivedAt: now() } } },
    });
    const folder = await db.driveFolder.create({ data: { productId: driveProduct.id, name: "Documents" } });
    const channel = await db.chatChannel.create({ data: { productId: chatProduct.id, name: "general" } });

    // BIL-7, BIL-5: an unpaid invoice of A and a payment attempt on it.
    const invoiceA = await createInvoice(db, { org: orgA, status: "UNPAID" });
    const paymentA = await db.payment.create({
      data: { orgId: orgA.id, invoiceId: invoiceA.id, methodType: "CARD", amountMinor: invoiceA.totalMinor, currency: invoiceA.currency, idempotencyKey: random() },
    });

    // BIL-4: a pending order of A.
    const orderA = await createOrder(db, { org: orgA, placedById: aLr.id });

    const orgB = await createOrganization(db, { legalRepresentativeId: bLr.id });
    const [productB] = await createProducts(db, [{ orgId: orgB.id }]);
    const teamB = await createTeam(db, { orgId: orgB.id, membershipIds: [orgB.legalRepresentativeMembershipId] });
    const [mailB] = await createProducts(db, [{ orgId: orgB.id, category: "mail" }]);
    const mailboxB = await db.mailbox.create({ data: { productId: mailB.id, address: "contact@b.example", displayName: "B" } });

    // PRT-3, PRT-9: the partner Organizations' legal representatives act in A; a user of a partner only
    // when assigned to the client.
    const fullOrg = await createOrganization(db, { legalRepresentativeId: fullLr.id });
    const assigned = await addMember(db, fullOrg.id, fullAssigned.id, "USER");
    await addMember(db, fullOrg.id, fullUnassigned.id, "USER");
    const fullPartner = await createPartner(db, { orgId: fullOrg.id });
    const fullPartnership = await createPartnership(db, { partnerId: fullPartner.id, clientOrgId: orgA.id, access: "FULL", payer: "PARTNER", managerMembershipIds: [assigned.id] });
    const limitedOrg = await createOrganization(db, { legalRepresentativeId: limitedLr.id });
    const limitedPartner = await createPartner(db, { orgId: limitedOrg.id });
    await createPartnership(db, { partnerId: limitedPartner.id, clientOrgId: orgA.id, access: "LIMITED", productIds: [shared.id] });
    // PRT-1: an application awaiting the back office's review.
    const application = await createPartnerApplication(db, { orgId: orgB.id });
    const endedOrg = await createOrganization(db, { legalRepresentativeId: endedLr.id });
    const endedPartner = await createPartner(db, { orgId: endedOrg.id });
    await createPartnership(db, { partnerId: endedPartner.id, clientOrgId: orgA.id, access: "FULL", status: "ENDED" });

    // SUP-3: a request of A in progress, handled by one agent, with an active MAIL grant.
    const request = await db.supportRequest.create({
      data: { orgId: orgA.id, requesterId: aLr.id, handlerId: agentWithGrant.id, subject: "Mailbox", body: "Please look at my mailbox.", status: "IN_PROGRESS" },
    });
    await db.supportGrant.create({ data: { orgId: orgA.id, userId: aLr.id, scope: "MAIL", requestId: request.id, expiresAt: new Date(now().getTime() + 7 * DAY) } });

    // SUP-4: an open request of A's legal representative nobody has taken yet, with one screenshot on disk.
    const openRequest = await db.supportRequest.create({ data: { orgId: orgA.id, requesterId: aLr.id, subject: "Screenshot", body: "See the screenshot." } });
    const shotPath = path.join(openRequest.id, random(18));
    const shotFile = path.resolve(".data/e2e/private/support", shotPath);
    await mkdir(path.dirname(shotFile), { recursive: true, mode: 0o700 });
    const shotPng = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await writeFile(shotFile, shotPng, { mode: 0o600 });
    const attachment = await db.supportAttachment.create({ data: { requestId: openRequest.id, storagePath: shotPath, mimeType: "image/png", sizeBytes: shotPng.length } });
    // TND-2: an open call for tenders, shown to every partner member of the matrix.
    const { tender } = await createTender(db);

    // IDV-2: a submitted identity case with one photo on disk, where the server keeps them.
    const verification = await db.identityVerification.create({
      data: { email: aUser.email, userId: aUser.id, reason: "FORGOTTEN_PASSWORD", status: "SUBMITTED", tokenHash: random(32), documentType: "ID_CARD", submittedAt: now() },
    });
    const storagePath = path.join(verification.id, random(18));
    const file = path.resolve(".data/e2e/private/identity", storagePath);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await writeFile(file, png, { mode: 0o600 });
    const document = await db.identityDocument.create({ data: { caseId: verification.id, kind: "FRONT", storagePath, mimeType: "image/png", sizeBytes: png.length } });

    const person = (email: string, rest: Omit<ActorSpec, "name" | "email" | "staffRole" | "member" | "partnerMember"> & Partial<ActorSpec>) => ({
      email,
      staffRole: null,
      member: true,
      partnerMember: false,
      ...rest,
    });
    const actors: ActorSpec[] = [
      { name: "anonymous", email: null, inA: null, staffRole: null, member: false, partnerMember: false },
      { name: "A legal representative", ...person(aLr.email, { inA: { via: "membership", role: "LEGAL_REPRESENTATIVE" } }) },
      { name: "A administrator", ...person(aAdmin.email, { inA: { via: "membership", role: "ADMINISTRATOR" } }) },
      { name: "A user", ...person(aUser.email, { inA: { via: "membership", role: "USER" } }) },
      { name: "A external", ...person(aExternal.email, { inA: { via: "membership", role: "EXTERNAL" } }) },
      { name: "B legal representative", ...person(bLr.email, { inA: null }) },
      { name: "partner FULL", ...person(fullLr.email, { inA: { via: "partnership", access: "FULL" }, partnerMember: true, inFullPartner: "LEGAL_REPRESENTATIVE" }) },
      { name: "partner FULL, assigned user", ...person(fullAssigned.email, { inA: { via: "partnership", access: "FULL" }, partnerMember: true, inFullPartner: "USER" }) },
      { name: "partner FULL, unassigned user", ...person(fullUnassigned.email, { inA: null, partnerMember: true, inFullPartner: "USER" }) },
      { name: "partner LIMITED", ...person(limitedLr.email, { inA: { via: "partnership", access: "LIMITED" }, partnerMember: true }) },
      { name: "partner ENDED", ...person(endedLr.email, { inA: null, partnerMember: true }) },
      { name: "support agent", ...person(agent.email, { inA: null, staffRole: "SUPPORT", member: false }) },
      // SUP-3: the grant is read in the back office's tools only; the plain session is no way into A.
      { name: "support agent with a MAIL grant on A", ...person(agentWithGrant.email, { inA: null, staffRole: "SUPPORT", member: false }) },
    ];
    return {
      actors,
      orgA: orgA.id,
      orgB: orgB.id,
      /** Values for the dynamic segments of A's routes: objects of A every member of A may see. */
      segments: {
        org: orgA.id,
        productId: shared.id,
        teamId: teamA.id,
        membershipId: aUserMembership.id,
        caseId: verification.id,
        mailboxId: mailbox.id,
        folderId: folder.id,
        channelId: channel.id,
        documentId: document.id,
        requestId: openRequest.id,
        attachmentId: attachment.id,
        invoiceId: invoiceA.id,
        partnershipId: fullPartnership.id,
        paymentId: paymentA.id,
        tenderId: tender.id,
        orderId: orderA.id,
        checkout: `cs_${random(18)}`,
        token: random(),
        secret: random(),
        kind: "none",
        partnerId: fullPartner.id,
        applicationId: application.id,
      } as Record<string, string>,
      hiddenProduct: hidden.id,
      b: { productId: productB.id, teamId: teamB.id, membershipId: orgB.legalRepresentativeMembershipId, mailboxId: mailboxB.id },
    };
  } finally {
    await db.$disconnect();
  }
}

/** The number of people the matrix signs in, plus the visitor: known before the fixtures exist. */
export const ACTOR_COUNT = 13;

/** A request context signed in as `email` through next-auth's credentials endpoint, as the sign-in form does. */
export async function signedInContext(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, email: string | null): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL });
  if (!email) return context;
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, json: "true", callbackUrl: `${baseURL}/`, redirect: "false" },
    maxRedirects: 0,
  });
  const { cookies } = await context.storageState();
  if (!cookies.some((c) => c.name === "manager.session")) throw new Error(`Sign-in of ${email} failed: HTTP ${res.status()} ${await res.text()}`);
  // Someone with 2FA (the staff) waits at the second step: the matrix is about what a session may reach,
  // not how it signs in (the second step has its own tests), so it is marked passed with a second factor.
  await sql(
    `UPDATE "Session" SET "twoFactorPassedAt" = now(), "secondFactorAt" = now()
     WHERE "userId" = (SELECT id FROM "User" WHERE email = $1) AND "twoFactorPassedAt" IS NULL AND "revokedAt" IS NULL`,
    [email],
  );
  return context;
}
