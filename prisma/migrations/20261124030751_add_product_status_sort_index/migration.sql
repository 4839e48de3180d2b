-- CreateIndex
CREATE INDEX "Product_orgId_status_id_idx" ON "Product"("orgId", "status", "id");
