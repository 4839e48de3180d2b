import { z } from "zod";
import { partnershipsOverview } from "@/lib/partners/partnerships-overview";
import { dateOut, endpoint, nullableDateOut } from "../endpoint";

const terms = {
  id: z.string().describe("The partnership."),
  access: z.enum(["LIMITED", "FULL"]).describe("LIMITED: the granted products only; FULL: the whole Organization (PRT-3)."),
  payer: z.enum(["CLIENT", "PARTNER"]).describe("Who is invoiced, with full access (PRT-5); always CLIENT with limited access."),
  status: z.enum(["PENDING", "ACTIVE", "ENDED", "REFUSED"]),
  product_count: z.number().int().nullable().describe("With limited access, how many products are granted; null with full access."),
  created_at: dateOut,
  accepted_at: nullableDateOut,
  ended_at: nullableDateOut,
};

export const partnershipsOutSchema = z.object({
  partners: z
    .array(z.object({ ...terms, partner: z.object({ id: z.string(), name: z.string(), contact_email: z.string(), website: z.string() }) }))
    .nullable()
    .describe("As a client: the Organization's partners, newest invitation first, whatever their status; null when the token's owner may not read them (a User, PRT-2)."),
  as_partner: z
    .object({
      partner_id: z.string(),
      name: z.string(),
      clients: z.array(z.object({ ...terms, client: z.object({ account_id: z.string(), name: z.string() }) })).describe("Active clients under management that the token's owner manages (PRT-9), by name."),
      tenders: z
        .array(
          z.object({
            id: z.string(),
            title: z.string(),
            excerpt: z.string().describe("The start of the description; the contact details are only in the reseller area (TND-2)."),
            budget: z.string().nullable(),
            valid_until: dateOut,
            created_at: dateOut,
            answered: z.boolean().describe("Whether this partner already sent a proposal (TND-3)."),
          }),
        )
        .nullable()
        .describe("Open calls for tenders, newest first; null when the partner did not opt in or the owner's role may not answer them."),
    })
    .nullable()
    .describe("When the Organization is an approved partner: its clients and the open calls for tenders; null otherwise."),
});

type Terms = { id: string; access: "LIMITED" | "FULL"; payer: "CLIENT" | "PARTNER"; status: "PENDING" | "ACTIVE" | "ENDED" | "REFUSED"; productCount: number | null; createdAt: Date; acceptedAt: Date | null; endedAt: Date | null };

const termsOut = (p: Terms) => ({
  id: p.id,
  access: p.access,
  payer: p.payer,
  status: p.status,
  product_count: p.productCount,
  created_at: p.createdAt.toISOString(),
  accepted_at: p.acceptedAt?.toISOString() ?? null,
  ended_at: p.endedAt?.toISOString() ?? null,
});

export const partnershipsGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/partnerships",
  summary: "The Organization's partnerships from both sides: its partners as a client, and as an approved partner its clients and the open calls for tenders (PRT-2 … PRT-9, TND-2). A User reads the clients assigned to them and the calls, as in the reseller area.",
  scope: "partners:read",
  action: "clients.read",
  response: partnershipsOutSchema,
  handler: async ({ db, actor, orgId }) => {
    const o = await partnershipsOverview(db, actor, { orgId });
    const data: z.infer<typeof partnershipsOutSchema> = {
      partners: o.asClient && o.asClient.map((p) => ({ ...termsOut(p), partner: { id: p.partner.id, name: p.partner.displayName, contact_email: p.partner.contactEmail, website: p.partner.website } })),
      as_partner: o.asPartner && {
        partner_id: o.asPartner.partnerId,
        name: o.asPartner.displayName,
        clients: o.asPartner.clients.map((c) => ({ ...termsOut(c), client: { account_id: c.client.id, name: c.client.name } })),
        tenders:
          o.asPartner.tenders?.map((t) => ({ id: t.id, title: t.title, excerpt: t.excerpt, budget: t.budget, valid_until: t.validUntil.toISOString(), created_at: t.createdAt.toISOString(), answered: t.answered })) ?? null,
      },
    };
    return { data };
  },
});

export const PARTNERSHIP_ENDPOINTS = [partnershipsGet];
