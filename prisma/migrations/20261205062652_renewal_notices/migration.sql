-- CreateEnum
CREATE TYPE "RenewalNoticeKind" AS ENUM ('REMINDER', 'AUTO_REMINDER', 'CARD_EXPIRING');

-- CreateTable
CREATE TABLE "RenewalNotice" (
    "productId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "kind" "RenewalNoticeKind" NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RenewalNotice_pkey" PRIMARY KEY ("productId","expiresAt","kind")
);

-- AddForeignKey
ALTER TABLE "RenewalNotice" ADD CONSTRAINT "RenewalNotice_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
