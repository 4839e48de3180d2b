-- AlterTable
ALTER TABLE "PasswordResetToken" ADD COLUMN     "caseId" TEXT;

-- AlterTable
ALTER TABLE "SupportRequest" ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "closedByStaff" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SupportGrantProduct" (
    "grantId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "SupportGrantProduct_pkey" PRIMARY KEY ("grantId","productId")
);

-- CreateIndex
CREATE INDEX "SupportGrantProduct_productId_idx" ON "SupportGrantProduct"("productId");

-- AddForeignKey
ALTER TABLE "SupportGrantProduct" ADD CONSTRAINT "SupportGrantProduct_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "SupportGrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportGrantProduct" ADD CONSTRAINT "SupportGrantProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
