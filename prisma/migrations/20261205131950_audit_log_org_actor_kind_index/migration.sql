-- CreateIndex
CREATE INDEX "AuditLog_orgId_actorKind_at_idx" ON "AuditLog"("orgId", "actorKind", "at");
