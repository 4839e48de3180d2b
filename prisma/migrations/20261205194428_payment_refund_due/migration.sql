-- AlterEnum
ALTER TYPE "PaymentStatus" ADD VALUE 'REFUND_DUE';
