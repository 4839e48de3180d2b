import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { addBillingAddress } from "@/lib/orgs/add-billing-address";
import { deleteBillingAddress } from "@/lib/orgs/delete-billing-address";
import { getOrganizationDetails } from "@/lib/orgs/get-organization-details";
import { setDefaultBillingAddress } from "@/lib/orgs/set-default-billing-address";
import { updateBillingAddress } from "@/lib/orgs/update-billing-address";
import { updateOrganization } from "@/lib/orgs/update-organization";
import { updateVatNumber } from "@/lib/orgs/update-vat-number";
import { addMember, createOrganization, createUser } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

const ADDRESS = { label: "Head office", name: "Example GmbH", street: "Hauptstrasse 1", postalCode: "10115", city: "Berlin", country: "DE" } as const;

async function orgWithPeople(overrides: Parameters<typeof createOrganization>[1] = {}) {
  const db = getDb();
  const org = await createOrganization(db, overrides);
  const people = { LEGAL_REPRESENTATIVE: asUser(org.legalRepresentativeId) } as Record<Role, Actor> & { OUTSIDER: Actor };
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
    const u = await createUser(db);
    await addMember(db, org.id, u.id, role);
    people[role] = asUser(u.id);
  }
  people.OUTSIDER = asUser((await createUser(db)).id);
  return { org, people };
}

/** The row as stored, to prove that a refused write changed nothing. */
function orgRow(orgId: string) {
  return getDb().organization.findUniqueOrThrow({ where: { id: orgId }, omit: { updatedAt: true } });
}

function defaultCount(orgId: string) {
  return getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "BillingAddress" WHERE "orgId" = ${orgId} AND "isDefault"`.then((r) => r[0].n);
}

function auditActions(orgId: string) {
  return getDb()
    .auditLog.findMany({ where: { orgId }, orderBy: { id: "asc" }, select: { action: true } })
    .then((rows) => rows.map((r) => r.action));
}

describe("Organization details", () => {
  test("[ORG-1] [ORG-7] the legal representative edits name, address and contact details; the change is audited", async () => {
    const { org, people } = await orgWithPeople();
    const result = await updateOrganization(getDb(), people.LEGAL_REPRESENTATIVE, {
      orgId: org.id,
      name: "  Alpine Web Sàrl ",
      street: "Rue du Lac 12",
      postalCode: "1204",
      city: "Genève",
      phone: "+41 22 555 01 01",
      contactEmail: "Contact@Alpine.Example",
      website: "alpine.example",
    });
    expect(result.changed).toEqual(expect.arrayContaining(["name", "street", "postalCode", "city", "phone", "contactEmail", "website"]));
    const row = await orgRow(org.id);
    expect(row).toMatchObject({
      name: "Alpine Web Sàrl",
      street: "Rue du Lac 12",
      postalCode: "1204",
      city: "Genève",
      phone: "+41 22 555 01 01",
      contactEmail: "contact@alpine.example",
      website: "https://alpine.example",
    });
    // Every member reads the same details (ORG-1: read-only for everyone but a legal representative).
    for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
      const details = await getOrganizationDetails(getDb(), people[role], { orgId: org.id });
      expect(details).toMatchObject({ name: "Alpine Web Sàrl", city: "Genève", canEdit: false });
    }
    expect((await getOrganizationDetails(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id })).canEdit).toBe(true);
    expect(await auditActions(org.id)).toEqual(["org.updated"]);

    // Emptying an optional field clears it.
    await updateOrganization(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, name: "Alpine Web Sàrl", website: "", phone: "" });
    expect(await orgRow(org.id)).toMatchObject({ website: null, phone: null, street: null });
  });

  test("[ORG-7] invalid details are refused field by field and nothing is written", async () => {
    const { org, people } = await orgWithPeople();
    const before = await orgRow(org.id);
    const error = await updateOrganization(getDb(), people.LEGAL_REPRESENTATIVE, {
      orgId: org.id,
      name: " ",
      contactEmail: "not-an-email",
      website: "javascript:alert(1)",
      phone: "call me",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ZodError" });
    const paths = (error as { issues: { path: string[]; message: string }[] }).issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining(["name:validation.required", "contactEmail:validation.email", "website:validation.invalid", "phone:validation.invalid"]),
    );
    expect(await orgRow(org.id)).toEqual(before);
  });

  test("[ORG-1] an administrator and a user are refused every write (FORBIDDEN), an outsider gets NOT_FOUND even for reading", async () => {
    const db = getDb();
    const { org, people } = await orgWithPeople({ country: "DE", currency: "EUR" });
    const address = await addBillingAddress(db, people.LEGAL_REPRESENTATIVE, { orgId: org.id, ...ADDRESS });
    const before = await orgRow(org.id);
    const addressesBefore = await db.billingAddress.findMany({ where: { orgId: org.id } });
    const auditBefore = await auditActions(org.id);

    const writes = (actor: Actor) => [
      () => updateOrganization(db, actor, { orgId: org.id, name: "Taken over" }),
      () => updateVatNumber(db, actor, { orgId: org.id, vatNumber: "DE136695976", vatTermsAccepted: true }),
      () => updateVatNumber(db, actor, { orgId: org.id, vatNumber: "" }),
      () => addBillingAddress(db, actor, { orgId: org.id, ...ADDRESS, makeDefault: true }),
      () => updateBillingAddress(db, actor, { orgId: org.id, addressId: address.id, ...ADDRESS, city: "Hamburg" }),
      () => setDefaultBillingAddress(db, actor, { orgId: org.id, addressId: address.id }),
      () => deleteBillingAddress(db, actor, { orgId: org.id, addressId: address.id }),
    ];
    const expected = { ADMINISTRATOR: "FORBIDDEN", USER: "FORBIDDEN", EXTERNAL: "FORBIDDEN", OUTSIDER: "NOT_FOUND" } as const;
    for (const [who, code] of Object.entries(expected) as [keyof typeof expected, string][]) {
      for (const write of writes(people[who])) {
        await expect(write(), who).rejects.toMatchObject({ code });
      }
    }
    await expect(getOrganizationDetails(db, people.OUTSIDER, { orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrganizationDetails(db, people.OUTSIDER, { orgId: "does-not-exist" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await orgRow(org.id)).toEqual(before);
    expect(await db.billingAddress.findMany({ where: { orgId: org.id } })).toEqual(addressesBefore);
    expect(await auditActions(org.id)).toEqual(auditBefore);
  });

  test("[ORG-1] a legal representative cannot touch another Organization's billing address through its own", async () => {
    const db = getDb();
    const mine = await orgWithPeople();
    const theirs = await orgWithPeople();
    const foreign = await addBillingAddress(db, theirs.people.LEGAL_REPRESENTATIVE, { orgId: theirs.org.id, ...ADDRESS });
    const me = mine.people.LEGAL_REPRESENTATIVE;
    await expect(setDefaultBillingAddress(db, me, { orgId: mine.org.id, addressId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteBillingAddress(db, me, { orgId: mine.org.id, addressId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateBillingAddress(db, me, { orgId: mine.org.id, addressId: foreign.id, ...ADDRESS, city: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.billingAddress.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
  });
});

describe("EU VAT number", () => {
  test("[VAT-1] [VAT-3] a German company saves a valid VAT number after accepting the terms; it is stored with the acceptance date", async () => {
    const at = new Date("2026-03-01T10:00:00Z");
    clock.set(at);
    try {
      const { org, people } = await orgWithPeople({ country: "DE", currency: "EUR" });
      await expect(updateVatNumber(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, vatNumber: "de 136 695 976", vatTermsAccepted: "true" })).resolves.toEqual({
        vatNumber: "DE136695976",
      });
      expect(await orgRow(org.id)).toMatchObject({ vatNumber: "DE136695976", vatNumberValid: true, vatTermsAcceptedAt: at });
      const details = await getOrganizationDetails(getDb(), people.USER, { orgId: org.id });
      expect(details).toMatchObject({ vatNumber: "DE136695976", vatNumberValid: true, vatTermsAcceptedAt: at, vatApplicable: true });
      expect(await auditActions(org.id)).toEqual(["org.vatNumberChanged"]);
    } finally {
      clock.reset();
    }
  });

  test("[VAT-2] a number that does not match the country's format is refused and nothing is written", async () => {
    const { org, people } = await orgWithPeople({ country: "DE", currency: "EUR" });
    const before = await orgRow(org.id);
    for (const vatNumber of ["DE123", "DE136695977", "FR40303265045"]) {
      await expect(updateVatNumber(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, vatNumber, vatTermsAccepted: true })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { vatNumber: ["validation.vatInvalid"] },
      });
    }
    expect(await orgRow(org.id)).toEqual(before);
    expect(await auditActions(org.id)).toEqual([]);
  });

  test("[VAT-2] a Swiss company is refused with the non-EU explanation and nothing is written", async () => {
    const { org, people } = await orgWithPeople({ country: "CH", currency: "CHF" });
    const before = await orgRow(org.id);
    await expect(updateVatNumber(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, vatNumber: "CHE-123.456.788", vatTermsAccepted: true })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { vatNumber: ["validation.vatNotEu"] },
    });
    expect(await orgRow(org.id)).toEqual(before);
    expect((await getOrganizationDetails(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id })).vatApplicable).toBe(false);
  });

  test("[VAT-1] only a company may have a VAT number", async () => {
    const { org, people } = await orgWithPeople({ country: "DE", currency: "EUR", entityType: "INDIVIDUAL" });
    const before = await orgRow(org.id);
    await expect(updateVatNumber(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, vatNumber: "DE136695976", vatTermsAccepted: true })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { vatNumber: ["validation.vatCompanyOnly"] },
    });
    expect(await orgRow(org.id)).toEqual(before);
  });

  test("[VAT-3] saving without ticking the terms of use is refused and nothing is written", async () => {
    const { org, people } = await orgWithPeople({ country: "DE", currency: "EUR" });
    const before = await orgRow(org.id);
    for (const vatTermsAccepted of [undefined, false, ""]) {
      await expect(updateVatNumber(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, vatNumber: "DE136695976", vatTermsAccepted })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { vatTermsAccepted: ["validation.vatTermsRequired"] },
      });
    }
    expect(await orgRow(org.id)).toEqual(before);
  });

  test("[VAT-1] an empty value removes the VAT number", async () => {
    const { org, people } = await orgWithPeople({ country: "DE", currency: "EUR" });
    await updateVatNumber(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, vatNumber: "DE136695976", vatTermsAccepted: true });
    await updateVatNumber(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, vatNumber: "  " });
    expect(await orgRow(org.id)).toMatchObject({ vatNumber: null, vatNumberValid: false, vatTermsAcceptedAt: null });
    expect(await auditActions(org.id)).toEqual(["org.vatNumberChanged", "org.vatNumberChanged"]);
  });
});

describe("billing addresses", () => {
  test("[ORG-7] the first address becomes the default; exactly one default after add, set-default and delete", async () => {
    const db = getDb();
    const { org, people } = await orgWithPeople();
    const lr = people.LEGAL_REPRESENTATIVE;
    const first = await addBillingAddress(db, lr, { orgId: org.id, ...ADDRESS, label: "First" });
    expect(first.isDefault).toBe(true);
    const second = await addBillingAddress(db, lr, { orgId: org.id, ...ADDRESS, label: "Second" });
    expect(second.isDefault).toBe(false);
    expect(await defaultCount(org.id)).toBe(1);

    const third = await addBillingAddress(db, lr, { orgId: org.id, ...ADDRESS, label: "Third", makeDefault: "on" });
    expect(third.isDefault).toBe(true);
    expect(await defaultCount(org.id)).toBe(1);

    await setDefaultBillingAddress(db, lr, { orgId: org.id, addressId: second.id });
    expect(await defaultCount(org.id)).toBe(1);
    expect((await db.billingAddress.findUniqueOrThrow({ where: { id: second.id } })).isDefault).toBe(true);

    // Deleting the default promotes the oldest remaining address.
    await expect(deleteBillingAddress(db, lr, { orgId: org.id, addressId: second.id })).resolves.toEqual({ promotedId: first.id });
    expect(await defaultCount(org.id)).toBe(1);
    expect((await db.billingAddress.findUniqueOrThrow({ where: { id: first.id } })).isDefault).toBe(true);

    // Deleting a non-default address leaves the default alone.
    await expect(deleteBillingAddress(db, lr, { orgId: org.id, addressId: third.id })).resolves.toEqual({ promotedId: null });
    expect(await defaultCount(org.id)).toBe(1);

    await updateBillingAddress(db, lr, { orgId: org.id, addressId: first.id, ...ADDRESS, label: "Accounting", city: "Hamburg" });
    expect(await db.billingAddress.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ label: "Accounting", city: "Hamburg", isDefault: true });

    await deleteBillingAddress(db, lr, { orgId: org.id, addressId: first.id });
    expect(await defaultCount(org.id)).toBe(0);
    expect(await db.billingAddress.count({ where: { orgId: org.id } })).toBe(0);

    expect(await auditActions(org.id)).toEqual([
      "org.billingAddressAdded",
      "org.billingAddressAdded",
      "org.billingAddressAdded",
      "org.defaultBillingAddressChanged",
      "org.billingAddressDeleted",
      "org.billingAddressDeleted",
      "org.billingAddressUpdated",
      "org.billingAddressDeleted",
    ]);
  });

  test("[ORG-7] an incomplete address is refused field by field", async () => {
    const { org, people } = await orgWithPeople();
    const error = await addBillingAddress(getDb(), people.LEGAL_REPRESENTATIVE, { orgId: org.id, ...ADDRESS, city: "", country: "XX" as "DE" }).catch((e: unknown) => e);
    const paths = (error as { issues: { path: string[]; message: string }[] }).issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(["city:validation.required", "country:validation.country"]));
    expect(await getDb().billingAddress.count({ where: { orgId: org.id } })).toBe(0);
  });

  test("[ORG-7] concurrent set-default and add calls leave exactly one default", async () => {
    const db = getDb();
    const { org, people } = await orgWithPeople();
    const lr = people.LEGAL_REPRESENTATIVE;
    const addresses = [];
    for (const label of ["A", "B", "C"]) addresses.push(await addBillingAddress(db, lr, { orgId: org.id, ...ADDRESS, label }));
    const [, b, c] = addresses;

    for (let round = 0; round < 5; round++) {
      await Promise.all([
        setDefaultBillingAddress(db, lr, { orgId: org.id, addressId: b.id }),
        setDefaultBillingAddress(db, lr, { orgId: org.id, addressId: c.id }),
      ]);
      expect(await defaultCount(org.id)).toBe(1);
    }

    // Several first addresses added at once in a new Organization: only one of them becomes the default.
    const other = await orgWithPeople();
    await Promise.all(
      ["X", "Y", "Z"].map((label) => addBillingAddress(db, other.people.LEGAL_REPRESENTATIVE, { orgId: other.org.id, ...ADDRESS, label })),
    );
    expect(await defaultCount(other.org.id)).toBe(1);

    // Deleting the default while another call makes a different address the default.
    const current = await db.billingAddress.findFirstOrThrow({ where: { orgId: org.id, isDefault: true } });
    const target = addresses.find((a) => a.id !== current.id)!;
    await Promise.all([
      deleteBillingAddress(db, lr, { orgId: org.id, addressId: current.id }),
      setDefaultBillingAddress(db, lr, { orgId: org.id, addressId: target.id }),
    ]);
    expect(await defaultCount(org.id)).toBe(1);
  });
});
