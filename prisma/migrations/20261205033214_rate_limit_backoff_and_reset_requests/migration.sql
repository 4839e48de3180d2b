-- AlterTable
ALTER TABLE "rate_limits" ADD COLUMN     "blocked_until" BIGINT;

-- CreateTable
CREATE TABLE "PasswordResetRequest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordResetRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PasswordResetRequest_processedAt_requestedAt_idx" ON "PasswordResetRequest"("processedAt", "requestedAt");
