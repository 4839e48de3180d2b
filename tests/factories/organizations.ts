import type {
  Membership,
  Organization,
  Prisma,
  ProductAccess,
  Team,
} from "@/lib/generated/prisma/client";
import type { AccessLevel, ContactPreference, Role } from "@/lib/generated/prisma/enums";
import { currencyFor } from "../../lib/accounts/countries";
import { unique, type DbOrTx } from "./unique";
import { createUser } from "./users";

export type OrganizationOverrides = Partial<Prisma.OrganizationCreateManyInput> & {
  /** The user made legal representative; a new user when omitted. */
  legalRepresentativeId?: string;
};

const OWNER_PREFS: ContactPreference[] = ["BILLING", "TECHNICAL", "SECURITY"];

/** An Organization with its legal representative and billing preferences, as sign-up creates it. */
export async function createOrganization(
  db: DbOrTx,
  { legalRepresentativeId, ...overrides }: OrganizationOverrides = {},
): Promise<Organization & { legalRepresentativeId: string; legalRepresentativeMembershipId: string }> {
  const ownerId = legalRepresentativeId ?? (await createUser(db)).id;
  const country = overrides.country ?? "CH";
  const { memberships, ...org } = await db.organization.create({
    data: {
      name: unique("Organization"),
      entityType: "COMPANY",
      currency: currencyFor(country),
      ...overrides,
      country,
      memberships: { create: { userId: ownerId, role: "LEGAL_REPRESENTATIVE", contactPrefs: OWNER_PREFS } },
      billingPreference: { create: {} },
    },
    include: { memberships: true },
  });
  await rememberOrganization(db, [ownerId], org.id);
  return { ...org, legalRepresentativeId: ownerId, legalRepresentativeMembershipId: memberships[0].id };
}

export type NewMember = { userId: string; role?: Role; contactPrefs?: ContactPreference[] };

export async function addMembers(db: DbOrTx, orgId: string, members: NewMember[]): Promise<Membership[]> {
  const data = members.map((m) => ({ orgId, role: "USER" as Role, ...m }));
  const rows = await db.membership.createManyAndReturn({ data });
  await rememberOrganization(db, members.map((m) => m.userId), orgId);
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  return members.map((m) => byUser.get(m.userId) as Membership);
}

export async function addMember(db: DbOrTx, orgId: string, userId: string, role: Role = "USER") {
  const [membership] = await addMembers(db, orgId, [{ userId, role }]);
  return membership;
}

export type TeamInput = { orgId: string; name?: string; membershipIds?: string[]; productIds?: string[] };

/** A work team (ORG-6), optionally with members and product access granted to the whole team. */
export function createTeam(db: DbOrTx, { orgId, name, membershipIds = [], productIds = [] }: TeamInput): Promise<Team> {
  return db.team.create({
    data: {
      orgId,
      name: name ?? unique("Team"),
      members: { create: membershipIds.map((membershipId) => ({ membershipId })) },
      productAccess: { create: productIds.map((productId) => ({ productId })) },
    },
  });
}

export type AccessGrant = { productIds: string[]; level?: AccessLevel } & (
  | { membershipId: string; teamId?: never }
  | { teamId: string; membershipId?: never }
);

/** Per-product rights of one member or one team (ORG-2, PRD-3). */
export function grantProductAccess(db: DbOrTx, { productIds, ...grantee }: AccessGrant): Promise<ProductAccess[]> {
  return db.productAccess.createManyAndReturn({
    data: productIds.map((productId) => ({ productId, ...grantee })),
  });
}

/** The Organization shown after sign-in (ACC-6) is the first one a user joined. */
async function rememberOrganization(db: DbOrTx, userIds: string[], orgId: string) {
  await db.user.updateMany({ where: { id: { in: userIds }, lastOrgId: null }, data: { lastOrgId: orgId } });
}
