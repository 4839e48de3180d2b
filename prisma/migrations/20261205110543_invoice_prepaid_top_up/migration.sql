-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "prepaidTopUpKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_prepaidTopUpKey_key" ON "Invoice"("prepaidTopUpKey");
