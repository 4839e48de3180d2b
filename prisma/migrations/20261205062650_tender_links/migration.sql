-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "updatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tender" ADD COLUMN     "announcedAt" TIMESTAMP(3),
ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'en',
ADD COLUMN     "viewTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Tender_viewTokenHash_key" ON "Tender"("viewTokenHash");

-- CreateIndex
CREATE INDEX "Tender_announcedAt_idx" ON "Tender"("announcedAt");
