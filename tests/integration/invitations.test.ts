import { describe, expect, inject, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { clock, DAY, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { extractLinks, waitForMail } from "@/lib/dev/mailbox";
import { signUp } from "@/lib/accounts/sign-up";
import { acceptInvitation, joinByInvitation } from "@/lib/invitations/accept-invitation";
import { findInvitation } from "@/lib/invitations/find-invitation";
import { inviteUser } from "@/lib/invitations/invite-user";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { hashSecret } from "@/lib/security/tokens";
import { addMember, createOrganization, createProducts, createUser, grantProductAccess, unique } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });
const newEmail = (name: string) => `${name}.${unique("x")}@invitee.example`.toLowerCase();
const TIMEOUT = 60_000;

/** The secret of the newest invitation link mailed to `to`. */
async function linkFor(to: string, afterId?: number) {
  const mail = await waitForMail(inject("mailboxUrl"), { to, afterId, timeoutMs: 15_000 });
  const link = extractLinks(mail).find((l) => l.includes("/invitations/"));
  expect(link).toBeTruthy();
  return { mail, token: link!.split("/invitations/")[1] };
}

async function setup() {
  const db = getDb();
  const owner = await createUser(db, { firstName: "Olivia", lastName: "Owner", locale: "fr" });
  const org = await createOrganization(db, { legalRepresentativeId: owner.id, name: unique("Acme") });
  const [domain, hosting, mail] = await createProducts(db, [
    { orgId: org.id, category: "domain" },
    { orgId: org.id, category: "hosting" },
    { orgId: org.id, category: "mail" },
  ]);
  return { db, owner, org, products: { domain, hosting, mail } };
}

const newAccount = { firstName: "Nina", lastName: "Neu", password: "a long enough password" };

describe("adding users (ORG-2, ACC-2)", () => {
  test(
    "[ORG-2][ACC-2] an invited person gets a mail with a link, and accepting creates their account in this Organization only",
    { timeout: TIMEOUT },
    async () => {
      const { db, owner, org, products } = await setup();
      const email = newEmail("nina");
      const res = await inviteUser(db, asUser(owner.id), {
        orgId: org.id,
        email: email.toUpperCase(),
        role: "ADMINISTRATOR",
        productIds: [products.domain.id, products.mail.id],
        contactPrefs: ["BILLING", "SECURITY"],
      });
      expect(res).toEqual({ email, invitationId: expect.any(String) });

      const { mail, token } = await linkFor(email);
      // In the inviter's language (French), naming the inviter and the Organization.
      expect(mail.subject).toContain(`Olivia Owner vous invite à rejoindre ${org.name}`);
      expect(await findInvitation(db, token)).toMatchObject({
        usable: true,
        email,
        organizationName: org.name,
        accountExists: false,
      });

      const orgsBefore = await db.organization.count();
      const accepted = await acceptInvitation(db, { token, ...newAccount });
      expect(accepted.orgId).toBe(org.id);
      expect(await db.organization.count()).toBe(orgsBefore);

      const user = await db.user.findUniqueOrThrow({
        where: { email },
        include: { memberships: { include: { productAccess: true } } },
      });
      expect(user).toMatchObject({ firstName: "Nina", lastName: "Neu", lastOrgId: org.id });
      expect(user.memberships).toHaveLength(1);
      const [m] = user.memberships;
      expect(m).toMatchObject({ orgId: org.id, role: "ADMINISTRATOR" });
      expect([...m.contactPrefs].sort()).toEqual(["BILLING", "SECURITY"]);
      expect(m.productAccess.map((a) => a.productId).sort()).toEqual([products.domain.id, products.mail.id].sort());
      const actions = (await db.auditLog.findMany({ where: { orgId: org.id }, select: { action: true } })).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(["invitation.created", "account.signedUp", "invitation.accepted"]));
    },
  );

  test(
    "[ORG-2] the stored token is only a hash of the mailed secret, and the link works once",
    { timeout: TIMEOUT },
    async () => {
      const { db, owner, org } = await setup();
      const email = newEmail("once");
      await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" });
      const { token } = await linkFor(email);
      const row = await db.invitation.findFirstOrThrow({ where: { orgId: org.id, email } });
      expect(row.tokenHash).toBe(hashSecret(token));
      expect(row.tokenHash).not.toContain(token);
      expect(JSON.stringify(row)).not.toContain(token);
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * DAY);

      await acceptInvitation(db, { token, ...newAccount });
      await expect(acceptInvitation(db, { token, ...newAccount })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "invitations.errors.linkInvalid",
      });
      expect(await findInvitation(db, token)).toEqual({ usable: false });
    },
  );

  test(
    "[SEC-2][ORG-2] an existing account is invited like anyone else and joins only by accepting with the link",
    { timeout: TIMEOUT },
    async () => {
      const { db, owner, org, products } = await setup();
      const other = await createOrganization(db);
      const existing = await createUser(db, { email: newEmail("known"), locale: "de" });
      await addMember(db, other.id, existing.id, "LEGAL_REPRESENTATIVE");

      const res = await inviteUser(db, asUser(owner.id), {
        orgId: org.id,
        email: existing.email,
        role: "USER",
        productIds: [products.hosting.id],
        contactPrefs: ["TECHNICAL"],
      });
      expect(res).toEqual({ email: existing.email, invitationId: expect.any(String) });
      // No membership yet: only an invitation, mailed like any other (in the inviter's language).
      expect(await db.membership.count({ where: { orgId: org.id, userId: existing.id } })).toBe(0);
      const { mail, token } = await linkFor(existing.email);
      expect(mail.subject).toContain(`Olivia Owner vous invite à rejoindre ${org.name}`);
      expect(await findInvitation(db, token)).toMatchObject({ usable: true, accountExists: true });

      expect(await joinByInvitation(db, asUser(existing.id), { token })).toEqual({ orgId: org.id });
      const m = await db.membership.findUniqueOrThrow({
        where: { orgId_userId: { orgId: org.id, userId: existing.id } },
        include: { productAccess: true },
      });
      expect(m).toMatchObject({ role: "USER", contactPrefs: ["TECHNICAL"] });
      expect(m.productAccess.map((a) => a.productId)).toEqual([products.hosting.id]);
      expect(await db.membership.count({ where: { userId: existing.id } })).toBe(2);

      // Adding a member again is a clear conflict (the Users page lists them anyway).
      await expect(
        inviteUser(db, asUser(owner.id), { orgId: org.id, email: existing.email, role: "USER" }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        message: "invitations.errors.alreadyMember",
      });
    },
  );

  test(
    "[SEC-2][ORG-2] whoever signed up first with an address gets nothing the Organization grants it until the address is proven",
    { timeout: TIMEOUT },
    async () => {
      const { db, owner, org, products } = await setup();
      const email = newEmail("newhire");
      // A squatter signs up with the future employee's address and never proves it.
      await signUp(db, { entityType: "INDIVIDUAL", firstName: "Sly", lastName: "Squatter", email, password: "the squatter's password", country: "CH" }, { ip: "192.0.2.66" });
      const squatter = await db.user.findUniqueOrThrow({ where: { email } });
      expect(squatter.emailVerifiedAt).toBeNull();

      // The Organization adds the real person, with access to a product.
      await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "ADMINISTRATOR", productIds: [products.domain.id] });
      expect(await db.membership.count({ where: { orgId: org.id, userId: squatter.id } })).toBe(0);
      // Signed in as that address, the squatter has no way in without the link mailed to it.
      await expect(joinByInvitation(db, asUser(squatter.id), { token: "x".repeat(43) })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.membership.count({ where: { orgId: org.id, userId: squatter.id } })).toBe(0);
      expect(await db.productAccess.count({ where: { productId: products.domain.id } })).toBe(0);

      // Only whoever reads that mailbox can use the link; doing so proves the address.
      const { token } = await linkFor(email);
      expect(await joinByInvitation(db, asUser(squatter.id), { token })).toEqual({ orgId: org.id });
      expect((await db.user.findUniqueOrThrow({ where: { id: squatter.id } })).emailVerifiedAt).not.toBeNull();
      expect(await db.auditLog.count({ where: { targetId: squatter.id, action: "auth.emailConfirmed" } })).toBe(1);
    },
  );

  test("[SEC-2][ORG-2] an account created from an invitation link has a proven address", { timeout: TIMEOUT }, async () => {
    const { db, owner, org } = await setup();
    const email = newEmail("proven");
    await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" });
    const { token } = await linkFor(email);
    await acceptInvitation(db, { token, ...newAccount });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
  });

  test("[SEC-2][ORG-2] adding a user answers the same whether or not the address has an account", { timeout: TIMEOUT }, async () => {
    const { db, owner, org } = await setup();
    const withAccount = await createUser(db, { email: newEmail("has") });
    await createOrganization(db, { legalRepresentativeId: withAccount.id });
    const unknown = newEmail("hasnt");
    const outcomes = [];
    for (const email of [withAccount.email, unknown]) {
      const res = await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" });
      const { mail } = await linkFor(email);
      const rows = await db.invitation.findMany({ where: { orgId: org.id, email }, select: { role: true, acceptedAt: true } });
      const stored = await db.emailOutbox.findMany({ where: { toAddress: email }, select: { template: true, subject: true } });
      outcomes.push({ keys: Object.keys(res), email: res.email === email, rows, stored, subject: mail.subject });
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(await db.membership.count({ where: { orgId: org.id } })).toBe(1);
  });

  test("[ORG-2][ORG-5] nobody invites above their own rank; only a legal representative invites one", async () => {
    const { db, org, products } = await setup();
    const admin = await createUser(db);
    await addMember(db, org.id, admin.id, "ADMINISTRATOR");
    await expect(
      inviteUser(db, asUser(admin.id), { orgId: org.id, email: newEmail("lr"), role: "LEGAL_REPRESENTATIVE" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "errors.roleAboveYours",
    });
    const ok = await inviteUser(db, asUser(admin.id), {
      orgId: org.id,
      email: newEmail("adm"),
      role: "ADMINISTRATOR",
      productIds: [products.domain.id],
    });
    expect(ok).toEqual({ email: expect.any(String), invitationId: expect.any(String) });
    // A USER who could invite still could not hand out more than USER: the role table keeps them out first.
    const user = await createUser(db);
    await addMember(db, org.id, user.id, "USER");
    await expect(
      inviteUser(db, asUser(user.id), { orgId: org.id, email: newEmail("u"), role: "ADMINISTRATOR" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("[ORG-2] product access must name products of this Organization", async () => {
    const { db, owner, org } = await setup();
    const foreign = await createOrganization(db);
    const [theirs] = await createProducts(db, [{ orgId: foreign.id }]);
    await expect(
      inviteUser(db, asUser(owner.id), { orgId: org.id, email: newEmail("p"), role: "USER", productIds: [theirs.id] }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { productIds: ["invitations.errors.unknownProduct"] },
    });
    expect(await db.invitation.count({ where: { orgId: org.id } })).toBe(0);
  });

  test("[ORG-2] an invitation link expires after seven days", { timeout: TIMEOUT }, async () => {
    const { db, owner, org } = await setup();
    const email = newEmail("late");
    await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" });
    const { token } = await linkFor(email);
    try {
      clock.set(new Date(now().getTime() + 7 * DAY + 60_000));
      expect(await findInvitation(db, token)).toEqual({ usable: false });
      await expect(acceptInvitation(db, { token, ...newAccount })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "invitations.errors.linkInvalid",
      });
    } finally {
      clock.reset();
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  test(
    "[ORG-2] resending mails a new link and the old one stops working; revoking kills the link",
    { timeout: TIMEOUT },
    async () => {
      const { db, owner, org } = await setup();
      const email = newEmail("again");
      const { invitationId } = (await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" })) as {
        invitationId: string;
      };
      const first = await linkFor(email);
      await resendInvitation(db, asUser(owner.id), { orgId: org.id, invitationId });
      const second = await linkFor(email, first.mail.id);
      expect(second.token).not.toBe(first.token);
      expect(await findInvitation(db, first.token)).toEqual({ usable: false });
      expect(await findInvitation(db, second.token)).toMatchObject({ usable: true });

      await revokeInvitation(db, asUser(owner.id), { orgId: org.id, invitationId });
      await expect(acceptInvitation(db, { token: second.token, ...newAccount })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(resendInvitation(db, asUser(owner.id), { orgId: org.id, invitationId })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      const actions = (
        await db.auditLog.findMany({ where: { orgId: org.id, targetId: invitationId }, select: { action: true } })
      ).map((a) => a.action);
      expect(actions.sort()).toEqual(["invitation.created", "invitation.resent", "invitation.revoked"]);
    },
  );

  test("[SEC-9] [ORG-2] resending is limited: the fourth resend within an hour is refused, changes nothing and sends nothing", { timeout: TIMEOUT }, async () => {
    const { db, owner, org } = await setup();
    const email = newEmail("bombed");
    const { invitationId } = (await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" })) as { invitationId: string };
    for (let i = 0; i < 3; i++) await resendInvitation(db, asUser(owner.id), { orgId: org.id, invitationId });
    const before = await db.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { tokenHash: true } });
    const mailsBefore = await db.emailOutbox.count({ where: { toAddress: email } });
    expect(mailsBefore).toBe(4); // the invitation and its three resends
    await expect(resendInvitation(db, asUser(owner.id), { orgId: org.id, invitationId })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { tokenHash: true } })).toEqual(before);
    expect(await db.emailOutbox.count({ where: { toAddress: email } })).toBe(mailsBefore);
    expect(await db.auditLog.count({ where: { targetId: invitationId, action: "invitation.resent" } })).toBe(3);
  });

  test(
    "[ORG-2] a signed-in account with the invited e-mail joins directly; another account may not use the link",
    { timeout: TIMEOUT },
    async () => {
      const { db, owner, org } = await setup();
      const email = newEmail("later");
      await inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" });
      const { token } = await linkFor(email);
      // The account appeared after the invitation was sent (e.g. they signed up on their own).
      const user = await createUser(db, { email });
      const stranger = await createUser(db);
      expect(await findInvitation(db, token)).toMatchObject({ accountExists: true });
      await expect(acceptInvitation(db, { token, ...newAccount })).rejects.toMatchObject({
        code: "CONFLICT",
        message: "invitations.errors.accountExists",
      });
      await expect(joinByInvitation(db, asUser(stranger.id), { token })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await joinByInvitation(db, asUser(user.id), { token })).toEqual({ orgId: org.id });
      expect(await db.membership.findUnique({ where: { orgId_userId: { orgId: org.id, userId: user.id } } })).toMatchObject({
        role: "USER",
      });
      await expect(joinByInvitation(db, asUser(user.id), { token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  );

  test("[ORG-2][ORG-1] a USER may not invite (FORBIDDEN), an outsider gets NOT_FOUND, for inviting, resending and revoking", async () => {
    const { db, owner, org, products } = await setup();
    const user = await createUser(db);
    const m = await addMember(db, org.id, user.id, "USER");
    await grantProductAccess(db, { membershipId: m.id, productIds: [products.domain.id] });
    const outsider = await createUser(db);
    await createOrganization(db, { legalRepresentativeId: outsider.id });
    const { invitationId } = (await inviteUser(db, asUser(owner.id), { orgId: org.id, email: newEmail("x"), role: "USER" })) as {
      invitationId: string;
    };

    for (const [who, code] of [
      [user, "FORBIDDEN"],
      [outsider, "NOT_FOUND"],
    ] as const) {
      await expect(inviteUser(db, asUser(who.id), { orgId: org.id, email: newEmail("y"), role: "USER" })).rejects.toMatchObject({
        code,
      });
      await expect(resendInvitation(db, asUser(who.id), { orgId: org.id, invitationId })).rejects.toMatchObject({ code });
      await expect(revokeInvitation(db, asUser(who.id), { orgId: org.id, invitationId })).rejects.toMatchObject({ code });
    }
    expect(await db.invitation.count({ where: { orgId: org.id } })).toBe(1);
  });
  test(
    "[ORG-2] concurrent invitations of one address make one invitation, and concurrent acceptances one account",
    { timeout: TIMEOUT },
    async () => {
      const { db, owner, org } = await setup();
      const email = newEmail("race");
      const invites = await Promise.allSettled(
        Array.from({ length: 6 }, () => inviteUser(db, asUser(owner.id), { orgId: org.id, email, role: "USER" })),
      );
      expect(invites.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of invites)
        if (r.status === "rejected")
          expect(r.reason).toMatchObject({ code: "CONFLICT", message: "invitations.errors.alreadyInvited" });
      expect(await db.invitation.count({ where: { orgId: org.id, email } })).toBe(1);

      const { token } = await linkFor(email);
      const accepts = await Promise.allSettled(Array.from({ length: 4 }, () => acceptInvitation(db, { token, ...newAccount })));
      expect(accepts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.user.count({ where: { email } })).toBe(1);
      expect(await db.membership.count({ where: { orgId: org.id, user: { email } } })).toBe(1);
    },
  );
});
