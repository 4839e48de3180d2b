-- AlterEnum
ALTER TYPE "RenewalNoticeKind" ADD VALUE 'PAYER_NO_METHOD';
