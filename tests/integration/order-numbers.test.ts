import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { clock, DAY, HOUR } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { allocateOrderNumber } from "@/lib/orders/order-number";
import { placeRenewalOrder } from "@/lib/orders/place-renewal-order";
import { runRenewals } from "@/lib/renewals/run-renewals";
import { createOrder, createOrganization, createProduct } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const db = getDb();
const seq = (n: string) => Number(n.split("-")[2]);

describe("Order numbers (BIL-4)", () => {
  test("[BIL-4] a person's order, the renewal job's order and a test order take the next ORD-<year>-<6 digits> of one yearly sequence, in turn", async () => {
    const t0 = new Date("2041-03-01T05:00:00Z");
    clock.set(t0);
    const org = await createOrganization(db, { country: "CH" });
    const owner = asUser(org.legalRepresentativeId);
    const method = await db.paymentMethod.create({
      data: { orgId: org.id, type: "VISA", label: "Visa •••• 4242", last4: "4242", expMonth: 12, expYear: 2099, providerToken: `sbx_pm_${randomUUID()}`, isDefault: true },
    });
    const manual = await createProduct(db, { orgId: org.id, name: "by-hand.ch", expiresAt: new Date(t0.getTime() + 40 * DAY), priceMinor: 1500 });
    const auto = await createProduct(db, { orgId: org.id, name: "by-job.ch", expiresAt: new Date(t0.getTime() + 14 * DAY - HOUR), priceMinor: 1500, autoRenew: true, autoRenewMethodId: method.id });

    const placed = await placeRenewalOrder(db, owner, { orgId: org.id, idempotencyKey: randomUUID(), method: "CARD", productIds: [manual.id], months: [12] });
    expect(await runRenewals(db)).toMatchObject({ renewed: 1 });
    const byJob = await db.order.findFirstOrThrow({ where: { orgId: org.id, lines: { some: { productId: auto.id } } } });
    const byFactory = await createOrder(db, { org });

    const byPerson = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect([byPerson.number, byJob.number, byFactory.number]).toEqual(["ORD-2041-000001", "ORD-2041-000002", "ORD-2041-000003"]);
  });

  test("[BIL-4] order numbers are unique and gap-free when orders are placed at once; a rolled-back order gives its number back; each year starts again at 1 and sorts after the last", async () => {
    const at = new Date("2042-06-01T10:00:00Z");
    const numbers = await Promise.all(Array.from({ length: 20 }, () => db.$transaction((tx) => allocateOrderNumber(tx, at))));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.map(seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    await expect(
      db.$transaction(async (tx) => {
        await allocateOrderNumber(tx, at);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await allocateOrderNumber(db, at)).toBe("ORD-2042-000021");

    const nextYear = await allocateOrderNumber(db, new Date("2043-01-01T00:00:00Z"));
    expect(nextYear).toBe("ORD-2043-000001");
    expect(["ORD-2042-000021", nextYear, "ORD-2042-000002"].sort()).toEqual(["ORD-2042-000002", "ORD-2042-000021", nextYear]);
  });
});
