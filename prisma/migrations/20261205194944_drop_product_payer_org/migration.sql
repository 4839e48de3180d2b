-- DropForeignKey
ALTER TABLE "Product" DROP CONSTRAINT "Product_payerOrgId_fkey";

-- AlterTable
ALTER TABLE "Product" DROP COLUMN "payerOrgId";
