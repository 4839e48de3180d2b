import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePartnerMember } from "./partner-of";

/**
 * PRT-9: who of the partner's own people manages which client. Roles holding "clients.manageAll" (role
 * table) see every client; every other member sees only the clients assigned here. Any member may look;
 * assigning is a matter of the people's rights ("users.update": legal representatives, administrators).
 */
export async function listClientManagers(db: Db, actor: Actor, partnerId: string) {
  return db.$transaction(async (tx) => {
    const { partner, access } = await requirePartnerMember(tx, actor, partnerId, "org.read");
    const [members, clients] = await Promise.all([
      tx.membership.findMany({
        where: { orgId: partner.orgId },
        orderBy: [{ user: { email: "asc" } }],
        select: { id: true, role: true, user: { select: { email: true, firstName: true, lastName: true } }, managedClients: { where: { partnership: { partnerId: partner.id } }, select: { partnershipId: true } } },
      }),
      tx.partnership.findMany({
        where: { partnerId: partner.id, status: "ACTIVE" },
        orderBy: [{ client: { name: "asc" } }, { id: "asc" }],
        select: { id: true, client: { select: { name: true } } },
      }),
    ]);
    return {
      mayAssign: access.actions.has("users.update"),
      clients: clients.map((c) => ({ id: c.id, name: c.client.name })),
      members: members.map((m) => ({
        membershipId: m.id,
        email: m.user.email,
        name: [m.user.firstName, m.user.lastName].filter(Boolean).join(" "),
        role: m.role,
        seesAll: can(m.role, "clients.manageAll"),
        assigned: m.managedClients.map((c) => c.partnershipId),
      })),
    };
  });
}

export const assignClientsSchema = z.object({
  partnerId: z.string().trim().min(1).max(40),
  membershipId: z.string().trim().min(1).max(40),
  // The ticked clients (partnership ids); none ticked → the member manages no client.
  partnershipIds: z
    .union([z.string().max(40), z.array(z.string().max(40)).max(10_000)])
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])].filter(Boolean)),
});
export type AssignClientsInput = z.input<typeof assignClientsSchema>;

/**
 * PRT-9: sets the clients one member of the partner manages. The member must belong to the partner's
 * Organization and not already see every client; every client must be an active partnership of this
 * partner (another partner's is NOT_FOUND). Access follows at once: requireAccess reads these rows.
 */
export async function assignClients(db: Db, actor: Actor, raw: AssignClientsInput) {
  const input = assignClientsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { partner, access } = await requirePartnerMember(tx, actor, input.partnerId, "users.update");
    const member = await tx.membership.findFirst({ where: { id: input.membershipId, orgId: partner.orgId }, select: { id: true, role: true } });
    if (!member) throw new AppError("NOT_FOUND");
    if (can(member.role, "clients.manageAll")) throw new AppError("CONFLICT", "resellerManagers.errors.seesAll");
    const found = await tx.partnership.count({ where: { id: { in: input.partnershipIds }, partnerId: partner.id, status: "ACTIVE" } });
    if (found !== input.partnershipIds.length) throw new AppError("NOT_FOUND");
    const before = await tx.partnerManager.findMany({ where: { membershipId: member.id, partnership: { partnerId: partner.id } }, select: { partnershipId: true } });
    const had = new Set(before.map((b) => b.partnershipId));
    const want = new Set(input.partnershipIds);
    const removed = [...had].filter((id) => !want.has(id));
    const added = [...want].filter((id) => !had.has(id));
    if (removed.length > 0) await tx.partnerManager.deleteMany({ where: { membershipId: member.id, partnershipId: { in: removed } } });
    if (added.length > 0) await tx.partnerManager.createMany({ data: added.map((partnershipId) => ({ partnershipId, membershipId: member.id })), skipDuplicates: true });
    await audit(tx, access.actor, { action: "partner.clientsAssigned", orgId: partner.orgId, targetId: member.id, metadata: { added, removed } });
    return { added: added.length, removed: removed.length };
  });
}
