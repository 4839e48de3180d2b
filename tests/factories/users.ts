import { generateSecret } from "otplib";
import type { Prisma, User } from "@/lib/generated/prisma/client";
// Runtime imports are relative so vitest needs no alias configuration to load the factories.
import { encrypt } from "../../lib/security/encryption";
import { hashPassword } from "../../lib/security/passwords";
import { unique, type DbOrTx } from "./unique";

export const DEFAULT_PASSWORD = "correct horse battery";

/** Either a password to hash or a ready `passwordHash`; the default password when neither is given. */
export type UserOverrides = Partial<Prisma.UserCreateManyInput> & { password?: string };

/** Several users in one INSERT; the argon2 hashes are computed in parallel first. */
export async function createUsers(db: DbOrTx, list: UserOverrides[]): Promise<User[]> {
  const data = await Promise.all(list.map(userData));
  const rows = await db.user.createManyAndReturn({ data });
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  return data.map((d) => byEmail.get(d.email) as User);
}

export async function createUser(db: DbOrTx, overrides: UserOverrides = {}): Promise<User> {
  const [user] = await createUsers(db, [overrides]);
  return user;
}

export function createStaffUser(db: DbOrTx, overrides: UserOverrides = {}): Promise<User> {
  return createUser(db, { staffRole: "SUPERVISOR", ...overrides });
}

async function userData({ password = DEFAULT_PASSWORD, passwordHash, ...overrides }: UserOverrides) {
  const key = unique("user");
  // Accounts made by factories (and so the demo data) have a proven login e-mail unless told otherwise (SEC-2).
  const data = { email: `${key}@example.test`, firstName: "Test", lastName: key, emailVerifiedAt: new Date(), ...overrides };
  // Sign-in looks e-mails up lower-cased (ACC-1).
  return { ...data, email: data.email.toLowerCase(), passwordHash: passwordHash ?? (await hashOnce(password)) };
}

const hashes = new Map<string, Promise<string>>();

/**
 * One argon2 hash (≈0.5 s, 64 MiB) per distinct password and process: users sharing a test password
 * share its hash, which still verifies like any other and keeps suites from spending seconds hashing.
 */
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/**
 * An active authenticator app (2FA-1) for a user, with the given or a new secret; answers the secret so a
 * test (or the demo seed) can compute its codes. The secret is stored encrypted, as enrolment stores it.
 */
export async function createTotpMethod(db: DbOrTx, userId: string, secret: string = generateSecret(), label = "Authenticator app"): Promise<string> {
  await db.twoFactorMethod.create({ data: { userId, type: "TOTP", label, secretEncrypted: encrypt(secret), isDefault: true, confirmedAt: new Date() } });
  return secret;
}
