-- AlterTable
ALTER TABLE "User" ADD COLUMN     "shellVersion" INTEGER NOT NULL DEFAULT 0;

-- What the console shell shows of a person (their Organizations, roles, the Organizations' names and
-- partner status) is cached per person and version (lib/shell/shell-cache.ts). These triggers raise the
-- version in the same transaction as the change, whichever code writes it, so every instance sees the
-- new version on the person's next request.
CREATE FUNCTION "bump_shell_version_of_members"(org_id TEXT) RETURNS VOID AS $$
  UPDATE "User" SET "shellVersion" = "shellVersion" + 1 WHERE id IN (SELECT "userId" FROM "Membership" WHERE "orgId" = org_id);
$$ LANGUAGE sql;

CREATE FUNCTION "membership_bumps_shell_version"() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "User" SET "shellVersion" = "shellVersion" + 1 WHERE id = OLD."userId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "User" SET "shellVersion" = "shellVersion" + 1 WHERE id = NEW."userId";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "membership_shell_version" AFTER INSERT OR DELETE OR UPDATE OF "role", "orgId", "userId" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "membership_bumps_shell_version"();

CREATE FUNCTION "organization_bumps_shell_version"() RETURNS TRIGGER AS $$
BEGIN
  IF NEW."name" IS DISTINCT FROM OLD."name" OR NEW."entityType" IS DISTINCT FROM OLD."entityType" THEN
    PERFORM "bump_shell_version_of_members"(NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "organization_shell_version" AFTER UPDATE OF "name", "entityType" ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION "organization_bumps_shell_version"();

CREATE FUNCTION "partner_bumps_shell_version"() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "bump_shell_version_of_members"(OLD."orgId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "bump_shell_version_of_members"(NEW."orgId");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "partner_shell_version" AFTER INSERT OR DELETE OR UPDATE OF "orgId" ON "Partner"
  FOR EACH ROW EXECUTE FUNCTION "partner_bumps_shell_version"();
