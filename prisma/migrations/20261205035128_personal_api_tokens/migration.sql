-- Personal API tokens (TOK-1, API-6): a token belongs to its owner and acts in every Organization they
-- belong to, unless restricted to some of them. Existing tokens keep working, restricted to the
-- Organization they were created for.

-- CreateTable
CREATE TABLE "ApiTokenOrganization" (
    "tokenId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,

    CONSTRAINT "ApiTokenOrganization_pkey" PRIMARY KEY ("tokenId","orgId")
);

-- CreateIndex
CREATE INDEX "ApiTokenOrganization_orgId_idx" ON "ApiTokenOrganization"("orgId");

-- AddForeignKey
ALTER TABLE "ApiTokenOrganization" ADD CONSTRAINT "ApiTokenOrganization_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiTokenOrganization" ADD CONSTRAINT "ApiTokenOrganization_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing tokens: restricted to their Organization.
INSERT INTO "ApiTokenOrganization" ("tokenId", "orgId") SELECT "id", "orgId" FROM "ApiToken";

-- DropForeignKey
ALTER TABLE "ApiToken" DROP CONSTRAINT "ApiToken_orgId_fkey";

-- DropIndex
DROP INDEX "ApiToken_orgId_idx";

-- AlterTable
ALTER TABLE "ApiToken" DROP COLUMN "orgId";
