-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "expiresAt" TIMESTAMP(3);
