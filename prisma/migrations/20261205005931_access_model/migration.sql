-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ActorKind" ADD VALUE 'LINK_HOLDER';
ALTER TYPE "ActorKind" ADD VALUE 'ANONYMOUS';

-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'SUPERVISOR';

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "via" TEXT;

-- Audit events in one tense and casing (lib/audit/events.ts)
UPDATE "AuditLog" SET "action" = CASE "action"
  WHEN 'account.signUp' THEN 'account.signedUp'
  WHEN 'apiToken.create' THEN 'apiToken.created'
  WHEN 'apiToken.disableIdle' THEN 'apiToken.disabledIdle'
  WHEN 'apiToken.revoke' THEN 'apiToken.revoked'
  WHEN 'appPassword.create' THEN 'appPassword.created'
  WHEN 'appPassword.revoke' THEN 'appPassword.revoked'
  WHEN 'appPassword.revokeAll' THEN 'appPassword.allRevoked'
  WHEN 'auth.signIn' THEN 'auth.signedIn'
  WHEN 'membership.changeRole' THEN 'membership.roleChanged'
  WHEN 'membership.leave' THEN 'membership.left'
  WHEN 'membership.remove' THEN 'membership.removed'
  WHEN 'membership.updatePermissions' THEN 'membership.permissionsUpdated'
  WHEN 'org.update' THEN 'org.updated'
  WHEN 'org.vatNumber' THEN 'org.vatNumberChanged'
  WHEN 'org.billingAddress.add' THEN 'org.billingAddressAdded'
  WHEN 'org.billingAddress.update' THEN 'org.billingAddressUpdated'
  WHEN 'org.billingAddress.delete' THEN 'org.billingAddressDeleted'
  WHEN 'org.billingAddress.setDefault' THEN 'org.defaultBillingAddressChanged'
  WHEN 'tag.attach' THEN 'tag.attached'
  WHEN 'tag.create' THEN 'tag.created'
  WHEN 'tag.delete' THEN 'tag.deleted'
  WHEN 'tag.detach' THEN 'tag.detached'
  WHEN 'tag.update' THEN 'tag.updated'
  WHEN 'team.addMember' THEN 'team.memberAdded'
  WHEN 'team.create' THEN 'team.created'
  WHEN 'team.delete' THEN 'team.deleted'
  WHEN 'team.grantProduct' THEN 'team.productGranted'
  WHEN 'team.removeMember' THEN 'team.memberRemoved'
  WHEN 'team.rename' THEN 'team.renamed'
  WHEN 'team.revokeProduct' THEN 'team.productRevoked'
  ELSE "action" END
WHERE "action" IN ('account.signUp', 'apiToken.create', 'apiToken.disableIdle', 'apiToken.revoke', 'appPassword.create', 'appPassword.revoke', 'appPassword.revokeAll', 'auth.signIn', 'membership.changeRole', 'membership.leave', 'membership.remove', 'membership.updatePermissions', 'org.update', 'org.vatNumber', 'org.billingAddress.add', 'org.billingAddress.update', 'org.billingAddress.delete', 'org.billingAddress.setDefault', 'tag.attach', 'tag.create', 'tag.delete', 'tag.detach', 'tag.update', 'team.addMember', 'team.create', 'team.delete', 'team.grantProduct', 'team.removeMember', 'team.rename', 'team.revokeProduct');
UPDATE "AuditLog" SET "targetType" = lower("targetType") WHERE "targetType" IN ('Membership', 'Invitation');
