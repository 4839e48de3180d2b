-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "dunningAt" TIMESTAMP(3),
ADD COLUMN     "dunningStep" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Invoice_status_dueAt_idx" ON "Invoice"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Order_orgId_createdAt_id_idx" ON "Order"("orgId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Order_status_blockedAt_idx" ON "Order"("status", "blockedAt");
