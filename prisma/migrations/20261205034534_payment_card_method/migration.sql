-- AlterEnum
ALTER TYPE "PaymentMethodType" ADD VALUE 'CARD';
