import { describe, expect, test } from "vitest";
import { signUp } from "@/lib/accounts/sign-up";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/security/passwords";
import { unique } from "../factories";

const base = () => ({
  firstName: "Ada",
  lastName: "Muster",
  email: `${unique("signup")}@Example.test`,
  password: "a long enough password",
  country: "CH" as const,
  locale: "de" as const,
});

describe("sign-up", () => {
  test("[ACC-2] creates the account and a new Organization whose legal representative is the new user", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    const { userId, orgId } = await signUp(db, input);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe(input.email.toLowerCase());
    expect(user.locale).toBe("de");
    expect(user.lastOrgId).toBe(orgId);
    const memberships = await db.membership.findMany({ where: { orgId } });
    expect(memberships).toEqual([expect.objectContaining({ userId, role: "LEGAL_REPRESENTATIVE" })]);
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org).toMatchObject({ name: "Ada Muster", entityType: "INDIVIDUAL", currency: "CHF" });
    expect(await db.auditLog.count({ where: { orgId, action: "account.signedUp" } })).toBe(1);
  });

  test("[ACC-1] the password is stored only as an argon2 hash", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    const { userId } = await signUp(db, input);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(input.password);
    expect(await verifyPassword(passwordHash, input.password)).toBe(true);
  });

  test("[ACC-3] a company gives its name and country; an EU company may give a valid VAT number", async () => {
    const db = getDb();
    const { orgId } = await signUp(db, {
      ...base(),
      entityType: "COMPANY",
      organizationName: "Muster GmbH",
      country: "DE",
      vatNumber: "DE 136 695 976",
      vatTermsAccepted: true,
    });
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org).toMatchObject({ name: "Muster GmbH", country: "DE", currency: "EUR", vatNumber: "DE136695976", vatNumberValid: true });
    expect(org.vatTermsAcceptedAt).not.toBeNull();
  });

  test("[VAT-2] a Swiss company's EU VAT number is refused with an explanation, and nothing is created", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "COMPANY" as const, organizationName: "Alp AG", country: "CH" as const, vatNumber: "CHE-123.456.789", vatTermsAccepted: true };
    await expect(signUp(db, input)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["vatNumber"], message: "validation.vatNotEu" })] });
    expect(await db.user.count({ where: { email: input.email.toLowerCase() } })).toBe(0);
  });

  test("[VAT-2] a VAT number that does not match the country's format is refused", async () => {
    const input = { ...base(), entityType: "COMPANY" as const, organizationName: "X GmbH", country: "DE" as const, vatNumber: "DE123", vatTermsAccepted: true };
    await expect(signUp(getDb(), input)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "validation.vatInvalid" })] });
  });

  test("[VAT-3] saving a VAT number requires accepting the terms of use", async () => {
    const input = { ...base(), entityType: "COMPANY" as const, organizationName: "Y GmbH", country: "DE" as const, vatNumber: "DE136695976" };
    await expect(signUp(getDb(), input)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["vatTermsAccepted"] })] });
  });

  test("[ACC-2] a second sign-up with the same e-mail is a conflict and creates no second Organization", async () => {
    const db = getDb();
    const input = { ...base(), entityType: "INDIVIDUAL" as const };
    await signUp(db, input);
    const orgs = await db.organization.count();
    await expect(signUp(db, { ...input, email: input.email.toUpperCase() })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.organization.count()).toBe(orgs);
  });

  test("[ACC-3] bad input is refused field by field", async () => {
    await expect(signUp(getDb(), { ...base(), entityType: "COMPANY", email: "not-an-email", password: "short" })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["email"] }),
        expect.objectContaining({ path: ["password"], message: "validation.passwordTooShort" }),
        expect.objectContaining({ path: ["organizationName"], message: "validation.required" }),
      ]),
    });
  });
});
