-- CreateTable
CREATE TABLE "PartnerCashback" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "clientOrgId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" "Currency" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerCashback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerCashback_invoiceId_key" ON "PartnerCashback"("invoiceId");

-- CreateIndex
CREATE INDEX "PartnerCashback_partnerId_createdAt_idx" ON "PartnerCashback"("partnerId", "createdAt");

-- AddForeignKey
ALTER TABLE "PartnerCashback" ADD CONSTRAINT "PartnerCashback_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerCashback" ADD CONSTRAINT "PartnerCashback_clientOrgId_fkey" FOREIGN KEY ("clientOrgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerCashback" ADD CONSTRAINT "PartnerCashback_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
